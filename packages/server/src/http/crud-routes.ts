import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyTypeProviderDefault } from 'fastify';
import type { Static, TSchema } from 'typebox';
import { IdParams, Page, type PageOf } from '@storelink/contracts';
import type { Actor } from '../db/write';
import { actorOf } from './actor';

type TypeBoxApp = Parameters<FastifyPluginAsyncTypebox>[0];

/** The contract schemas of one master-data resource. */
export interface CrudSchemas<
  Item extends TSchema,
  Query extends TSchema,
  Create extends TSchema,
  Update extends TSchema,
  Created extends TSchema,
> {
  /** What GET, PATCH and DELETE answer, and each item of a list. */
  item: Item;
  /** `?limit=&cursor=&q=&active=`, plus the resource's own filters. */
  listQuery: Query;
  create: Create;
  update: Update;
  /** What POST answers: the item, or more (a station with its first pairing code). */
  created: Created;
}

/** The service behind the routes; it never sees Fastify types. */
export interface CrudService<Item, Query, Create, Update, Created> {
  list: (query: Query) => Promise<PageOf<Item>>;
  get: (id: string) => Promise<Item>;
  create: (actor: Actor, input: Create) => Promise<Created>;
  update: (actor: Actor, id: string, input: Update) => Promise<Item>;
  /** DELETE deactivates, idempotently. */
  deactivate: (actor: Actor, id: string) => Promise<Item>;
}

/**
 * The five routes of a master-data resource (SPEC §12.1), each with its contract schemas, so the
 * validation, the types and the OpenAPI document come from the same constants:
 *
 * - `GET {path}` lists (`read`), `GET {path}/:id` reads one (`read`);
 * - `POST {path}` creates and answers 201 (`write`), `PATCH {path}/:id` changes the given fields
 *   (`write`), `DELETE {path}/:id` deactivates and answers the record (`write`).
 *
 * A resource's other routes (pairing codes, prices, imports) stay in its own routes file.
 */
export function registerCrudRoutes<
  Item extends TSchema,
  Query extends TSchema,
  Create extends TSchema,
  Update extends TSchema,
  Created extends TSchema = Item,
>(
  app: TypeBoxApp,
  options: {
    path: string;
    tags: string[];
    schemas: Omit<CrudSchemas<Item, Query, Create, Update, Created>, 'created'> & { created?: Created };
    service: CrudService<Static<Item>, Static<Query>, Static<Create>, Static<Update>, Static<Created>>;
  },
): void {
  const { path, tags, schemas } = options;
  const created = schemas.created ?? schemas.item;
  // Fastify validates each request against these schemas and serialises each answer with them,
  // so the service receives what its `Static` types promise. TypeScript cannot reduce `Static` of
  // a schema type parameter, so the handlers see the service untyped: this file's one cast.
  const service = options.service as CrudService<unknown, unknown, unknown, unknown, unknown>;
  const routes = app.withTypeProvider<FastifyTypeProviderDefault>();
  routes.get(
    path,
    {
      config: { access: 'read' },
      schema: { tags, querystring: schemas.listQuery, response: { 200: Page(schemas.item) } },
    },
    (request) => service.list(request.query),
  );
  routes.get<{ Params: IdParams }>(
    `${path}/:id`,
    { config: { access: 'read' }, schema: { tags, params: IdParams, response: { 200: schemas.item } } },
    (request) => service.get(request.params.id),
  );
  routes.post<{ Reply: unknown }>(
    path,
    { config: { access: 'write' }, schema: { tags, body: schemas.create, response: { 201: created } } },
    async (request, reply) => reply.code(201).send(await service.create(actorOf(request), request.body)),
  );
  routes.patch<{ Params: IdParams }>(
    `${path}/:id`,
    {
      config: { access: 'write' },
      schema: { tags, params: IdParams, body: schemas.update, response: { 200: schemas.item } },
    },
    (request) => service.update(actorOf(request), request.params.id, request.body),
  );
  routes.delete<{ Params: IdParams }>(
    `${path}/:id`,
    { config: { access: 'write' }, schema: { tags, params: IdParams, response: { 200: schemas.item } } },
    (request) => service.deactivate(actorOf(request), request.params.id),
  );
}
