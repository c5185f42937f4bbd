import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  IdParams,
  ImportResult,
  ListQuery,
  Page,
  Price,
  PriceArray,
  PriceList,
  PriceListCreate,
  PriceListQuery,
  PriceListUpdate,
  PricePathParams,
  PriceSet,
} from '@storelink/contracts';
import { actorOf } from '../../http/actor';
import { invalid } from '../../http/app-error';
import {
  CSV,
  NDJSON,
  closeUnreadBody,
  openStreamedBody,
  registerStreamedBodies,
  streamedTypeOf,
} from '../../http/streamed-body';
import type { PriceListsService } from './price-lists.service';

const tags = ['price-lists'];
/** The contract's own bound on the JSON form (`PriceArray.maxItems`). */
const MAX_JSON_PRICES = (PriceArray as { maxItems?: number }).maxItems ?? 10_000;

export interface PriceListsRoutesOptions {
  priceLists: PriceListsService;
  /** Cap of streamed `PUT /price-lists/:id/prices` bodies (1 GiB in production). */
  importLimitBytes: number;
}

export const priceListsRoutes: FastifyPluginAsyncTypebox<PriceListsRoutesOptions> = async (
  app,
  { priceLists, importLimitBytes },
) => {
  registerStreamedBodies(app);

  app.get(
    '/price-lists',
    {
      config: { access: 'read' },
      schema: { tags, querystring: ListQuery, response: { 200: Page(PriceList) } },
    },
    (request) => priceLists.list(request.query),
  );
  app.get(
    '/price-lists/:id',
    { config: { access: 'read' }, schema: { tags, params: IdParams, response: { 200: PriceList } } },
    (request) => priceLists.get(request.params.id),
  );
  app.post(
    '/price-lists',
    { config: { access: 'write' }, schema: { tags, body: PriceListCreate, response: { 201: PriceList } } },
    async (request, reply) => reply.code(201).send(await priceLists.create(actorOf(request), request.body)),
  );
  app.patch(
    '/price-lists/:id',
    {
      config: { access: 'write' },
      schema: { tags, params: IdParams, body: PriceListUpdate, response: { 200: PriceList } },
    },
    (request) => priceLists.update(actorOf(request), request.params.id, request.body),
  );
  app.delete(
    '/price-lists/:id',
    { config: { access: 'write' }, schema: { tags, params: IdParams, response: { 200: PriceList } } },
    (request) => priceLists.deactivate(actorOf(request), request.params.id),
  );

  app.get(
    '/price-lists/:id/prices',
    {
      config: { access: 'read' },
      schema: { tags, params: IdParams, querystring: PriceListQuery, response: { 200: Page(Price) } },
    },
    (request) => priceLists.listPrices(request.params.id, request.query),
  );
  app.put(
    '/price-lists/:id/prices/:skuCode',
    {
      config: { access: 'write' },
      schema: { tags, params: PricePathParams, body: PriceSet, response: { 200: Price } },
    },
    (request) =>
      priceLists.setPrice(
        actorOf(request),
        request.params.id,
        request.params.skuCode,
        request.body.priceCents,
      ),
  );
  app.put(
    '/price-lists/:id/prices',
    {
      config: { access: 'write', streamedBody: [CSV, NDJSON] },
      schema: {
        tags,
        description:
          'Upserts the listed prices and leaves the others (SPEC §12.4): text/csv with the header ' +
          'skuCode,priceCents, application/x-ndjson with one {skuCode, priceCents} per line (both streamed, ' +
          `capped at 1 GiB), or a JSON array of at most ${MAX_JSON_PRICES} prices. Bad rows are reported, good rows kept.`,
        consumes: ['application/json', CSV, NDJSON],
        params: IdParams,
        response: { 200: ImportResult },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const format = streamedTypeOf(request);
      if (!format) {
        // Each element is checked on its own so one bad price does not refuse the others.
        const items = request.body;
        if (!Array.isArray(items)) {
          throw invalid([{ path: 'body', message: 'must be an array of {skuCode, priceCents}' }]);
        }
        if (items.length > MAX_JSON_PRICES) {
          throw invalid([
            {
              path: 'body',
              message: `must hold at most ${MAX_JSON_PRICES} prices; send more as CSV or NDJSON`,
            },
          ]);
        }
        return priceLists.importPrices(actor, request.params.id, { format: 'application/json', items });
      }
      try {
        return await priceLists.importPrices(actor, request.params.id, {
          format,
          body: openStreamedBody(request, importLimitBytes),
        });
      } catch (error) {
        closeUnreadBody(request, reply);
        throw error;
      }
    },
  );
};
