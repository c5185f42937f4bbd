import { describe, expect, it } from 'vitest';
import { ProductCreate, PromotionUpdate, StoreCreate } from '@storelink/contracts';
import { findResource } from '../master-data/resources';
import { translate } from '../i18n/i18n';
import { placeErrors, toApiPath, validateAgainst, type RuleWords } from './field-errors';
import {
  buildBody,
  emptyRow,
  toFormValues,
  type ConversionWords,
  type FieldDef,
  type RowsField,
} from './form-model';

const words: RuleWords & ConversionWords = {
  required: () => 'required',
  minLength: (n) => `min ${n}`,
  maxLength: (n) => `max ${n}`,
  pattern: () => 'pattern',
  minimum: (n) => `>= ${n}`,
  maximum: (n) => `<= ${n}`,
  minItems: (n) => `items >= ${n}`,
  maxItems: (n) => `items <= ${n}`,
  uniqueItems: () => 'unique',
  type: () => 'type',
  format: (f) => `format ${f}`,
  oneOf: () => 'one of',
  integer: () => 'integer',
  money: () => 'money',
  percent: () => 'percent',
};

function fieldsOf(key: string): readonly FieldDef[] {
  const resource = findResource(key);
  if (!resource) throw new Error(`no resource ${key}`);
  return resource.fields;
}

describe('form bodies follow the contracts', () => {
  it('creates a store with the defaults and without empty optional fields', () => {
    const fields = fieldsOf('stores');
    const values = { ...toFormValues(fields), code: 'S1', name: ' Loja Centro ' };
    const { body, errors } = buildBody(fields, values, { mode: 'create', words });
    expect(errors).toEqual({});
    expect(body).toEqual({ code: 'S1', name: 'Loja Centro', timezone: 'America/Sao_Paulo', active: true });
    expect(validateAgainst(StoreCreate, body, words)).toEqual({});
  });

  it('sends only the changed fields on edit, never the code', () => {
    const fields = fieldsOf('stores');
    const record = { id: 'x', code: 'S1', name: 'Loja', timezone: 'America/Sao_Paulo', active: true };
    const initial = toFormValues(fields, record);
    const { body } = buildBody(
      fields,
      { ...initial, code: 'OTHER', name: 'Loja Nova' },
      { mode: 'edit', initial, words },
    );
    expect(body).toEqual({ name: 'Loja Nova' });
  });

  it('builds a product with SKUs and barcodes, and places errors on the SKU cells', () => {
    const fields = fieldsOf('products');
    const skus = fields.find((f) => f.name === 'skus') as RowsField;
    const values = {
      ...toFormValues(fields),
      code: 'P1',
      name: 'Camiseta',
      skus: [
        {
          ...emptyRow(skus),
          code: 'P1-AZ-M',
          color: 'Azul',
          size: 'M',
          barcodes: '7890000000017, 7890000000024',
        },
        { ...emptyRow(skus), code: 'bad code', barcodes: '1 1' },
      ],
    };
    const { body } = buildBody(fields, values, { mode: 'create', words });
    expect(body.skus).toEqual([
      {
        code: 'P1-AZ-M',
        color: 'Azul',
        size: 'M',
        barcodes: ['7890000000017', '7890000000024'],
        active: true,
      },
      { code: 'bad code', barcodes: ['1', '1'], active: true },
    ]);
    const errors = validateAgainst(ProductCreate, body, words);
    expect(errors['skus[1].code']).toEqual(['pattern']);
    expect(errors['skus[1].barcodes']).toEqual(['unique']);
    const placed = placeErrors(errors, ['code', 'name', 'skus', 'skus[1].code', 'skus[1].barcodes']);
    expect(placed.byField['skus[1].code']).toEqual(['pattern']);
    expect(placed.unplaced).toEqual([]);
  });

  it('reads money and percent fields by their digits and refuses what is not a number', () => {
    const fields = fieldsOf('payment-conditions');
    const values = {
      ...toFormValues(fields),
      code: 'C3X',
      name: '3x',
      paymentTypeCodes: 'CREDITO',
      installments: '3',
      surchargeBp: '2,99',
      minInstallmentCents: '1.000,50',
    };
    const { body, errors } = buildBody(fields, values, { mode: 'create', words });
    expect(errors).toEqual({});
    expect(body).toMatchObject({ surchargeBp: 299, minInstallmentCents: 100050, installments: 3 });

    const bad = buildBody(
      fields,
      { ...values, installments: '3,5', minInstallmentCents: 'dez' },
      { mode: 'create', words },
    );
    expect(bad.errors).toEqual({ installments: ['integer'], minInstallmentCents: ['money'] });
  });

  it("clears a promotion's old parameters when its kind changes", () => {
    const fields = fieldsOf('promotions');
    const record = {
      id: 'x',
      code: 'PROMO',
      name: 'Dez por cento',
      kind: 'percent_off',
      percentBp: 1000,
      target: { skuCodes: [], productCodes: [], categories: [] },
      groupCodes: [],
      paymentTypeCodes: [],
      priority: 0,
      exclusive: false,
      active: true,
    };
    const initial = toFormValues(fields, record);
    expect(initial.percentBp).toBe('10,00');
    const values = { ...initial, kind: 'fixed_price', priceCents: '19,90', 'target.categories': 'camisetas' };
    const { body } = buildBody(fields, values, { mode: 'edit', initial, words });
    expect(body).toEqual({
      kind: 'fixed_price',
      percentBp: null,
      priceCents: 1990,
      target: { skuCodes: [], productCodes: [], categories: ['camisetas'] },
    });
    expect(validateAgainst(PromotionUpdate, body, words)).toEqual({});
  });

  it('names missing required fields with the API path notation', () => {
    const errors = validateAgainst(StoreCreate, {}, words);
    expect(errors).toEqual({ code: ['required'], name: ['required'] });
    expect(toApiPath('/skus/0/barcodes/1')).toBe('skus[0].barcodes[1]');
  });

  it('puts an error without a field at the top of the form', () => {
    const placed = placeErrors({ 'skus[0].code': ['taken'], body: ['broken'] }, ['code', 'skus']);
    expect(placed.byField).toEqual({ skus: ['taken'] });
    expect(placed.unplaced).toEqual(['broken']);
  });
});

describe('dictionary', () => {
  it('fills parameters and keeps pt-BR as the vocabulary of SPEC §3', () => {
    expect(translate('pt-BR', 'rule.minLength', { limit: 3 })).toBe('Use ao menos 3 caracteres.');
    expect(translate('pt-BR', 'resource.stationGroups')).toBe('Grupos de estações');
    expect(translate('en', 'resource.stationGroups')).toBe('Station groups');
  });
});
