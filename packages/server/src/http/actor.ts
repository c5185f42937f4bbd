import type { FastifyRequest } from 'fastify';
import type { Actor } from '../db/write';
import { AppError } from './app-error';

/** The actor behind an authenticated admin request, for audit and change records. */
export function actorOf(request: FastifyRequest): Actor {
  if (request.user) return { kind: 'user', name: request.user.username, id: request.user.id };
  if (request.station) return { kind: 'station', name: request.station.code, id: request.station.id };
  throw new AppError('unauthorized', 'Log in first.');
}
