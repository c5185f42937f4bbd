import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Settings, SettingsUpdate } from '@storelink/contracts';
import { actorOf } from '../../http/actor';
import type { SettingsService } from './settings.service';

const tags = ['settings'];

/** A singleton: read by every role, changed by admins only (SPEC §5, roles). */
export const settingsRoutes: FastifyPluginAsyncTypebox<{ settings: SettingsService }> = async (
  app,
  { settings },
) => {
  app.get('/settings', { config: { access: 'read' }, schema: { tags, response: { 200: Settings } } }, () =>
    settings.get(),
  );
  app.patch(
    '/settings',
    { config: { access: 'admin' }, schema: { tags, body: SettingsUpdate, response: { 200: Settings } } },
    (request) => settings.update(actorOf(request), request.body),
  );
};
