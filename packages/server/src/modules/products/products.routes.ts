import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  IdParams,
  ImportResult,
  Page,
  Product,
  ProductCreate,
  ProductListQuery,
  ProductUpdate,
} from '@storelink/contracts';
import { actorOf } from '../../http/actor';
import { AppError } from '../../http/app-error';
import {
  CSV,
  NDJSON,
  closeUnreadBody,
  openStreamedBody,
  registerStreamedBodies,
  streamedTypeOf,
} from '../../http/streamed-body';
import type { ProductsService } from './products.service';

const tags = ['products'];

export interface ProductsRoutesOptions {
  products: ProductsService;
  /** Cap of `POST /products/import` bodies (1 GiB in production; tests pass a small one). */
  importLimitBytes: number;
}

export const productsRoutes: FastifyPluginAsyncTypebox<ProductsRoutesOptions> = async (
  app,
  { products, importLimitBytes },
) => {
  registerStreamedBodies(app);

  app.get(
    '/products',
    {
      config: { access: 'read' },
      schema: { tags, querystring: ProductListQuery, response: { 200: Page(Product) } },
    },
    (request) => products.list(request.query),
  );
  app.get(
    '/products/:id',
    { config: { access: 'read' }, schema: { tags, params: IdParams, response: { 200: Product } } },
    (request) => products.get(request.params.id),
  );
  app.post(
    '/products',
    { config: { access: 'write' }, schema: { tags, body: ProductCreate, response: { 201: Product } } },
    async (request, reply) => reply.code(201).send(await products.create(actorOf(request), request.body)),
  );
  app.patch(
    '/products/:id',
    {
      config: { access: 'write' },
      schema: { tags, params: IdParams, body: ProductUpdate, response: { 200: Product } },
    },
    (request) => products.update(actorOf(request), request.params.id, request.body),
  );
  app.delete(
    '/products/:id',
    { config: { access: 'write' }, schema: { tags, params: IdParams, response: { 200: Product } } },
    (request) => products.deactivate(actorOf(request), request.params.id),
  );
  app.post(
    '/products/import',
    {
      config: { access: 'write', streamedBody: [CSV, NDJSON] },
      schema: {
        tags,
        description:
          'Bulk upsert by code, streamed (SPEC §12.4). text/csv with the header ' +
          'productCode,productName,brand,category,skuCode,color,size,barcodes,active (one row per SKU, ' +
          'barcodes separated by ;), or application/x-ndjson with one ProductCreate per line. Capped at 1 GiB.',
        consumes: [CSV, NDJSON],
        response: { 200: ImportResult },
      },
    },
    async (request, reply) => {
      const format = streamedTypeOf(request);
      if (!format) {
        throw new AppError('validation_failed', `Send the file as ${CSV} or ${NDJSON}.`);
      }
      try {
        return await products.import(actorOf(request), format, openStreamedBody(request, importLimitBytes));
      } catch (error) {
        closeUnreadBody(request, reply);
        throw error;
      }
    },
  );
};
