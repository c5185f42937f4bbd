import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { IdParams, LoginRequest, LoginResponse, User, UserCreate, UserUpdate } from '@storelink/contracts';
import { actorOf } from '../../http/actor';
import { bearerToken } from '../../http/access';
import { AppError } from '../../http/app-error';
import type { AuthService } from './auth.service';

export const authRoutes: FastifyPluginAsyncTypebox<{ auth: AuthService }> = async (app, { auth }) => {
  app.post(
    '/auth/login',
    {
      config: { access: 'public' },
      schema: { tags: ['auth'], body: LoginRequest, response: { 200: LoginResponse } },
    },
    async (request) => {
      const outcome = await auth.login(request.body.username, request.body.password, request.ip);
      if (outcome.ok) return outcome.session;
      if (outcome.code === 'rate_limited') {
        throw new AppError(
          'rate_limited',
          'Too many failed logins for this user from this address. Wait a minute.',
        );
      }
      throw new AppError('unauthorized', 'Wrong username or password.');
    },
  );
  app.post(
    '/auth/logout',
    { config: { access: 'read' }, schema: { tags: ['auth'], response: { 204: Type.Null() } } },
    async (request, reply) => {
      await auth.logout(bearerToken(request) ?? '');
      return reply.code(204).send(null);
    },
  );
  app.get(
    '/auth/me',
    {
      config: { access: 'read' },
      schema: {
        tags: ['auth'],
        response: { 200: Type.Object({ username: Type.String(), role: Type.String() }) },
      },
    },
    (request) => ({ username: request.user?.username ?? '', role: request.user?.role ?? '' }),
  );

  app.get(
    '/users',
    {
      config: { access: 'admin' },
      schema: { tags: ['users'], response: { 200: Type.Object({ items: Type.Array(User) }) } },
    },
    async () => ({ items: await auth.listUsers() }),
  );
  app.post(
    '/users',
    { config: { access: 'admin' }, schema: { tags: ['users'], body: UserCreate, response: { 201: User } } },
    async (request, reply) => reply.code(201).send(await auth.createUser(actorOf(request), request.body)),
  );
  app.patch(
    '/users/:id',
    {
      config: { access: 'admin' },
      schema: { tags: ['users'], params: IdParams, body: UserUpdate, response: { 200: User } },
    },
    (request) => auth.updateUser(actorOf(request), request.params.id, request.body),
  );
};
