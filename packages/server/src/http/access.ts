import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { UserRole } from '@storelink/contracts';
import { AppError } from './app-error';
import type { AuthenticatedUser } from '../modules/auth/auth.service';

/**
 * Who may call a route. Every route declares one in `config.access`; a route without it is
 * refused, so forgetting to protect a route fails closed (SPEC §10: roles on every route).
 *
 * - `public`: anyone (login, health, docs)
 * - `read`: admin, operator, auditor
 * - `write`: admin, operator (master data and operations)
 * - `admin`: admin only (users, settings)
 * - `station`: a paired station's bearer token
 */
export type Access = 'public' | 'read' | 'write' | 'admin' | 'station';

export interface AuthenticatedStation {
  id: string;
  code: string;
  groupCode: string;
  incarnation: number;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    user?: AuthenticatedUser;
    station?: AuthenticatedStation;
  }
}

const rolesFor: Record<'read' | 'write' | 'admin', readonly UserRole[]> = {
  read: ['admin', 'operator', 'auditor'],
  write: ['admin', 'operator'],
  admin: ['admin'],
};

export interface AccessControlOptions {
  authenticateUser(token: string): Promise<AuthenticatedUser | undefined>;
  authenticateStation(token: string): Promise<AuthenticatedStation | undefined>;
}

export function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match?.[1];
}

export function registerAccessControl(app: FastifyInstance, options: AccessControlOptions): void {
  app.addHook('onRequest', async (request) => {
    if (!request.routeOptions.url) return; // unknown path: the 404 handler answers
    const access = request.routeOptions.config.access;
    if (!access) throw new AppError('forbidden', 'This route is not open to anyone.');
    if (access === 'public') return;
    const token = bearerToken(request);
    if (!token) {
      throw new AppError(
        'unauthorized',
        'Send Authorization: Bearer <token>. Log in with POST /api/v1/auth/login.',
      );
    }
    if (access === 'station') {
      const station = await options.authenticateStation(token);
      if (!station)
        throw new AppError('unauthorized', 'The station token is not valid. Pair the station again.');
      request.station = station;
      return;
    }
    const user = await options.authenticateUser(token);
    if (!user) throw new AppError('unauthorized', 'Your session has expired or is not valid. Log in again.');
    request.user = user;
    if (!rolesFor[access].includes(user.role)) {
      throw new AppError('forbidden', `Your role (${user.role}) cannot do this. Ask an admin.`);
    }
  });
}
