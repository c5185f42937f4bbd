import type { Executor, Row } from '../../db/schema';

export type SettingsRow = Row<'settings'>;

/** The settings row is a singleton with id 1, created by the first migration. */
export const SETTINGS_ROW_ID = 1;

export async function readSettings(db: Executor): Promise<SettingsRow> {
  return db.selectFrom('settings').selectAll().where('id', '=', SETTINGS_ROW_ID).executeTakeFirstOrThrow();
}

export async function updateSettings(db: Executor, patch: Partial<SettingsRow>): Promise<void> {
  await db.updateTable('settings').set(patch).where('id', '=', SETTINGS_ROW_ID).execute();
}
