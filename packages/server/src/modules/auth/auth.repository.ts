import type { Executor, Row } from '../../db/schema';

export async function findUserByUsername(db: Executor, username: string): Promise<Row<'users'> | undefined> {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

export async function findUserById(db: Executor, id: string): Promise<Row<'users'> | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function countUsers(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertUser(db: Executor, user: Row<'users'>): Promise<void> {
  await db.insertInto('users').values(user).execute();
}

export async function updateUser(
  db: Executor,
  id: string,
  patch: Partial<Pick<Row<'users'>, 'passwordHash' | 'role' | 'active' | 'updatedAt'>>,
): Promise<void> {
  await db.updateTable('users').set(patch).where('id', '=', id).execute();
}

export async function listUsers(db: Executor): Promise<Row<'users'>[]> {
  return db.selectFrom('users').selectAll().orderBy('username').execute();
}

export async function insertSession(db: Executor, session: Row<'sessions'>): Promise<void> {
  await db.insertInto('sessions').values(session).execute();
}

/** The session and its user, if the session has not expired and the user is active. */
export async function findLiveSession(
  db: Executor,
  tokenHash: string,
  now: string,
): Promise<{ userId: string; username: string; role: Row<'users'>['role']; expiresAt: string } | undefined> {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.userId')
    .select(['users.id as userId', 'users.username', 'users.role', 'sessions.expiresAt'])
    .where('sessions.tokenHash', '=', tokenHash)
    .where('sessions.expiresAt', '>', now)
    .where('users.active', '=', 1)
    .executeTakeFirst();
}

export async function deleteSession(db: Executor, tokenHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('tokenHash', '=', tokenHash).execute();
}

export async function deleteExpiredSessions(db: Executor, now: string): Promise<void> {
  await db.deleteFrom('sessions').where('expiresAt', '<=', now).execute();
}

export async function deleteUserSessions(db: Executor, userId: string): Promise<void> {
  await db.deleteFrom('sessions').where('userId', '=', userId).execute();
}
