import type { PriceList, Product, StationGroup, StationWithPairingCode, Store } from '@storelink/contracts';
import type { AdminClient } from '../processes';

/** Fails loudly when the back office refuses a setup step. */
export function expectOk<T>(res: { status: number; body: T }, what: string): T {
  if (res.status >= 300) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export interface Chain {
  store: Store;
  priceList: PriceList;
  group: StationGroup;
}

/** A store, its price list and a station group, through the admin API. */
export async function createChain(
  admin: AdminClient,
  code: string,
  groupExtra: Record<string, unknown> = {},
): Promise<Chain> {
  const store = expectOk(
    await admin.post<Store>('/api/v1/stores', { code: `${code}-S`, name: `Loja ${code}` }),
    'store',
  );
  const priceList = expectOk(
    await admin.post<PriceList>('/api/v1/price-lists', { code: `${code}-PL`, name: `Tabela ${code}` }),
    'price list',
  );
  const group = expectOk(
    await admin.post<StationGroup>('/api/v1/station-groups', {
      code: `${code}-G`,
      name: `Grupo ${code}`,
      storeCode: store.code,
      priceListCode: priceList.code,
      heartbeatSeconds: 2,
      syncIntervalSeconds: 2,
      ...groupExtra,
    }),
    'group',
  );
  return { store, priceList, group };
}

export async function createStation(
  admin: AdminClient,
  code: string,
  groupCode: string,
): Promise<StationWithPairingCode> {
  return expectOk(
    await admin.post<StationWithPairingCode>('/api/v1/stations', { code, name: `Caixa ${code}`, groupCode }),
    'station',
  );
}

/** `count` products of one SKU and one barcode each: `${prefix}-n`, barcode `${barcodePrefix}n`. */
export async function createProducts(admin: AdminClient, prefix: string, count: number): Promise<Product[]> {
  const products: Product[] = [];
  for (let i = 1; i <= count; i += 1) {
    products.push(
      expectOk(
        await admin.post<Product>('/api/v1/products', {
          code: `${prefix}${i}`,
          name: `Camiseta ${prefix} ${i}`,
          skus: [{ code: `${prefix}${i}-M`, color: 'azul', size: 'M', barcodes: [barcodeOf(prefix, i)] }],
        }),
        'product',
      ),
    );
  }
  return products;
}

export function barcodeOf(prefix: string, i: number): string {
  const digits = [...prefix].map((c) => c.charCodeAt(0) % 10).join('');
  return `789${digits}${String(i).padStart(6, '0')}`;
}

export async function setPrices(
  admin: AdminClient,
  priceList: PriceList,
  prices: { skuCode: string; priceCents: number }[],
) {
  expectOk(await admin.put(`/api/v1/price-lists/${priceList.id}/prices`, prices), 'prices');
}
