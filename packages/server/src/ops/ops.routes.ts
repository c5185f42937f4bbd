import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { sql } from 'kysely';
import type { Registry } from 'prom-client';
import type { Db } from '../db/schema';

const tags = ['operations'];

/** `/healthz` (the process answers), `/readyz` (the database answers) and `/metrics`. */
export const opsRoutes: FastifyPluginAsyncTypebox<{ db: Db; registry: Registry }> = async (
  app,
  { db, registry },
) => {
  app.get(
    '/healthz',
    {
      config: { access: 'public' },
      schema: { tags, response: { 200: Type.Object({ status: Type.Literal('ok') }) } },
    },
    () => ({ status: 'ok' as const }),
  );
  app.get(
    '/readyz',
    {
      config: { access: 'public' },
      schema: { tags, response: { 200: Type.Object({ status: Type.Literal('ready') }) } },
    },
    async () => {
      await sql`select 1`.execute(db);
      return { status: 'ready' as const };
    },
  );
  app.get(
    '/metrics',
    { config: { access: 'public' }, schema: { tags, hide: true } },
    async (_request, reply) => {
      reply.type(registry.contentType);
      return registry.metrics();
    },
  );
};
