/**
 * The documented HTTP session (docs/api-session.md): registers a whole chain's master data over
 * the API and lists and searches it. `scripts/api-session.ts` runs it against a real server to
 * write the document; `api-session.test.ts` runs it in every test run, so the document cannot
 * drift from what the server does.
 */
export interface SessionStep {
  title: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH';
  path: string;
  body?: unknown;
  expectStatus: number;
}

export interface SessionRecord extends SessionStep {
  status: number;
  response: unknown;
}

type Ids = Record<string, string>;

/** Steps in order; a step may use ids returned by earlier ones. */
function steps(ids: Ids): SessionStep[] {
  return [
    {
      title: 'Create a store',
      method: 'POST',
      path: '/api/v1/stores',
      body: {
        code: 'SP01',
        name: 'Loja Paulista',
        taxId: '12.345.678/0001-90',
        timezone: 'America/Sao_Paulo',
      },
      expectStatus: 201,
    },
    {
      title: 'Create a price list',
      method: 'POST',
      path: '/api/v1/price-lists',
      body: { code: 'VAREJO', name: 'Tabela varejo' },
      expectStatus: 201,
    },
    {
      title: 'Payment type: cash (gives change)',
      method: 'POST',
      path: '/api/v1/payment-types',
      body: { code: 'DIN', name: 'Dinheiro', kind: 'cash', givesChange: true, fiscalCode: '01' },
      expectStatus: 201,
    },
    {
      title: 'Payment type: credit card (installments)',
      method: 'POST',
      path: '/api/v1/payment-types',
      body: {
        code: 'CRED',
        name: 'Cartão de crédito',
        kind: 'credit_card',
        allowsInstallments: true,
        fiscalCode: '03',
      },
      expectStatus: 201,
    },
    {
      title: 'Payment type: debit card',
      method: 'POST',
      path: '/api/v1/payment-types',
      body: { code: 'DEB', name: 'Cartão de débito', kind: 'debit_card', fiscalCode: '04' },
      expectStatus: 201,
    },
    {
      title: 'Payment type: PIX',
      method: 'POST',
      path: '/api/v1/payment-types',
      body: { code: 'PIX', name: 'PIX', kind: 'pix', fiscalCode: '17' },
      expectStatus: 201,
    },
    {
      title: 'Payment type: exchange voucher',
      method: 'POST',
      path: '/api/v1/payment-types',
      body: { code: 'VALE', name: 'Vale-troca', kind: 'voucher', fiscalCode: '99' },
      expectStatus: 201,
    },
    {
      title: 'Payment type: store credit',
      method: 'POST',
      path: '/api/v1/payment-types',
      body: {
        code: 'CREDLOJA',
        name: 'Crédito loja',
        kind: 'store_credit',
        requiresCustomer: true,
        fiscalCode: '05',
      },
      expectStatus: 201,
    },
    {
      title: 'Payment type: check',
      method: 'POST',
      path: '/api/v1/payment-types',
      body: { code: 'CHQ', name: 'Cheque', kind: 'check', fiscalCode: '02' },
      expectStatus: 201,
    },
    {
      title: 'Payment type: other',
      method: 'POST',
      path: '/api/v1/payment-types',
      body: { code: 'OUTRO', name: 'Outros', kind: 'other', fiscalCode: '99' },
      expectStatus: 201,
    },
    {
      title: 'A 3-installment condition with 2.99 % surcharge',
      method: 'POST',
      path: '/api/v1/payment-conditions',
      body: {
        code: '3X',
        name: '3x com juros',
        paymentTypeCodes: ['CRED'],
        installments: 3,
        firstDueDays: 30,
        intervalDays: 30,
        surchargeBp: 299,
        minInstallmentCents: 1000,
      },
      expectStatus: 201,
    },
    {
      title: 'A condition on a type without installments is refused',
      method: 'POST',
      path: '/api/v1/payment-conditions',
      body: { code: '2XDEB', name: '2x no débito', paymentTypeCodes: ['DEB'], installments: 2 },
      expectStatus: 400,
    },
    {
      title: 'Financial reason: withdrawal (sangria)',
      method: 'POST',
      path: '/api/v1/financial-reasons',
      body: { code: 'SANGRIA', name: 'Sangria para cofre', kind: 'withdrawal' },
      expectStatus: 201,
    },
    {
      title: 'Financial reason: supply (suprimento)',
      method: 'POST',
      path: '/api/v1/financial-reasons',
      body: { code: 'TROCO', name: 'Suprimento de troco', kind: 'supply' },
      expectStatus: 201,
    },
    {
      title: 'Financial reason: expense (despesa)',
      method: 'POST',
      path: '/api/v1/financial-reasons',
      body: { code: 'LIMPEZA', name: 'Material de limpeza', kind: 'expense', requiresNote: true },
      expectStatus: 201,
    },
    {
      title: 'Create a station group',
      method: 'POST',
      path: '/api/v1/station-groups',
      body: {
        code: 'SP01-CX',
        name: 'Caixas Paulista',
        storeCode: 'SP01',
        priceListCode: 'VAREJO',
        maxCashierDiscountBp: 500,
      },
      expectStatus: 201,
    },
    {
      title: 'Create a station: the answer carries its pairing code',
      method: 'POST',
      path: '/api/v1/stations',
      body: { code: 'SP01-01', name: 'Caixa 1', groupCode: 'SP01-CX' },
      expectStatus: 201,
    },
    {
      title: 'Create a product with two SKUs (colour × size) and barcodes',
      method: 'POST',
      path: '/api/v1/products',
      body: {
        code: 'CAM-001',
        name: 'Camiseta básica',
        brand: 'Marca Própria',
        category: 'Camisetas',
        skus: [
          { code: 'CAM-001-AZ-M', color: 'Azul', size: 'M', barcodes: ['7891234567895'] },
          { code: 'CAM-001-AZ-G', color: 'Azul', size: 'G', barcodes: ['7891234567901', 'INT-0001'] },
        ],
      },
      expectStatus: 201,
    },
    {
      title: 'Another product',
      method: 'POST',
      path: '/api/v1/products',
      body: {
        code: 'CAL-010',
        name: 'Calça jeans',
        category: 'Calças',
        skus: [{ code: 'CAL-010-40', size: '40', barcodes: ['7899876543210'] }],
      },
      expectStatus: 201,
    },
    {
      title: 'A barcode already used by another SKU is refused',
      method: 'POST',
      path: '/api/v1/products',
      body: { code: 'DUP-1', name: 'Duplicado', skus: [{ code: 'DUP-1-U', barcodes: ['7891234567895'] }] },
      expectStatus: 409,
    },
    {
      title: 'Set prices in bulk (JSON form; CSV and NDJSON stream)',
      method: 'PUT',
      path: `/api/v1/price-lists/${ids.priceList}/prices`,
      body: [
        { skuCode: 'CAM-001-AZ-M', priceCents: 4990 },
        { skuCode: 'CAM-001-AZ-G', priceCents: 4990 },
        { skuCode: 'CAL-010-40', priceCents: 15990 },
      ],
      expectStatus: 200,
    },
    {
      title: 'Change one price',
      method: 'PUT',
      path: `/api/v1/price-lists/${ids.priceList}/prices/CAL-010-40`,
      body: { priceCents: 14990 },
      expectStatus: 200,
    },
    {
      title: 'Create a seller for one store',
      method: 'POST',
      path: '/api/v1/sellers',
      body: { code: 'V001', name: 'Ana Souza', storeCodes: ['SP01'] },
      expectStatus: 201,
    },
    {
      title: 'Create a cashier (the PIN is write-only)',
      method: 'POST',
      path: '/api/v1/operators',
      body: { code: 'OP01', name: 'Bruno Lima', role: 'cashier', pin: '1234', storeCodes: ['SP01'] },
      expectStatus: 201,
    },
    {
      title: 'Create a supervisor',
      method: 'POST',
      path: '/api/v1/operators',
      body: { code: 'SUP01', name: 'Carla Dias', role: 'supervisor', pin: '987654' },
      expectStatus: 201,
    },
    {
      title: 'Create a promotion: 3 for 2 on t-shirts',
      method: 'POST',
      path: '/api/v1/promotions',
      body: {
        code: 'LEVE3PAGUE2',
        name: 'Leve 3, pague 2 em camisetas',
        kind: 'buy_x_pay_y',
        buyQuantity: 3,
        payQuantity: 2,
        target: { skuCodes: [], productCodes: [], categories: ['Camisetas'] },
        groupCodes: ['SP01-CX'],
        startsAt: '2026-12-01T00:00',
        endsAt: '2027-01-01T00:00',
        priority: 10,
      },
      expectStatus: 201,
    },
    {
      title: 'A contradictory promotion is refused field by field',
      method: 'POST',
      path: '/api/v1/promotions',
      body: { code: 'ERRADA', name: 'Errada', kind: 'buy_x_pay_y', buyQuantity: 2, payQuantity: 3 },
      expectStatus: 400,
    },
    { title: 'List products', method: 'GET', path: '/api/v1/products?limit=10', expectStatus: 200 },
    {
      title: 'Search products by name',
      method: 'GET',
      path: '/api/v1/products?q=camiseta',
      expectStatus: 200,
    },
    {
      title: 'Search by barcode',
      method: 'GET',
      path: '/api/v1/products?barcode=7899876543210',
      expectStatus: 200,
    },
    {
      title: 'List the price list’s prices',
      method: 'GET',
      path: `/api/v1/price-lists/${ids.priceList}/prices`,
      expectStatus: 200,
    },
    { title: 'Search payment types', method: 'GET', path: '/api/v1/payment-types?q=cart', expectStatus: 200 },
    { title: 'List active stations', method: 'GET', path: '/api/v1/stations?active=true', expectStatus: 200 },
    {
      title: 'List operators (no PIN in sight)',
      method: 'GET',
      path: '/api/v1/operators',
      expectStatus: 200,
    },
    {
      title: 'The audit trail of all of the above',
      method: 'GET',
      path: '/api/v1/audit?limit=3',
      expectStatus: 200,
    },
    { title: 'Verify the audit chain', method: 'GET', path: '/api/v1/audit/verify', expectStatus: 200 },
  ];
}

/** Runs the session against `baseUrl`, logging in as admin; throws on an unexpected status. */
export async function runApiSession(baseUrl: string, adminPassword: string): Promise<SessionRecord[]> {
  const records: SessionRecord[] = [];
  const call = async (step: SessionStep, token?: string): Promise<SessionRecord> => {
    const res = await fetch(baseUrl + step.path, {
      method: step.method,
      headers: {
        ...(step.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      ...(step.body === undefined ? {} : { body: JSON.stringify(step.body) }),
    });
    const response: unknown = res.headers.get('content-type')?.includes('json')
      ? await res.json()
      : await res.text();
    const record = { ...step, status: res.status, response };
    if (res.status !== step.expectStatus) {
      throw new Error(
        `${step.title}: expected ${step.expectStatus}, got ${res.status} ${JSON.stringify(response)}`,
      );
    }
    records.push(record);
    return record;
  };
  const login = await call({
    title: 'Log in',
    method: 'POST',
    path: '/api/v1/auth/login',
    body: { username: 'admin', password: adminPassword },
    expectStatus: 200,
  });
  const token = (login.response as { token: string }).token;
  const ids: Ids = { priceList: '' };
  for (let i = 0; ; i += 1) {
    const step = steps(ids)[i];
    if (!step) break;
    const record = await call(step, token);
    if (step.path === '/api/v1/price-lists' && step.method === 'POST') {
      ids.priceList = (record.response as { id: string }).id;
    }
  }
  return records;
}
