import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AuditEntry, AuditQuery, AuditVerifyResult, Page } from '@storelink/contracts';
import type { AuditService } from './audit.service';

const tags = ['audit'];

export const auditRoutes: FastifyPluginAsyncTypebox<{ audit: AuditService }> = async (app, { audit }) => {
  app.get(
    '/audit',
    {
      config: { access: 'read' },
      schema: { tags, querystring: AuditQuery, response: { 200: Page(AuditEntry) } },
    },
    (request) => audit.list(request.query),
  );
  app.get(
    '/audit/verify',
    { config: { access: 'read' }, schema: { tags, response: { 200: AuditVerifyResult } } },
    () => audit.verify(),
  );
};
