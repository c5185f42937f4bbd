import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { PageOf, Settings } from '@storelink/contracts';
import { seedPriceList } from '@storelink/testing';
import { createRecord, launchBrowser, logIn, openPage, saveScreenshot } from './browser';
import { startConsoleServer, TEST_ADMIN_PASSWORD, type ConsoleServer } from './console-server';

describe('console stations, payments, people and settings', () => {
  let server: ConsoleServer;
  let browser: Browser;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    server = await startConsoleServer();
    browser = await launchBrowser();
    const store = await server.t.api.post('/api/v1/stores', { code: 'S1', name: 'Loja Centro' });
    expect(store.status).toBe(201);
    // Price lists have their own module; the group only needs one to exist.
    await seedPriceList(server.t, 'PL1');
    ({ page, errors } = await openPage(browser, server.baseUrl));
    await logIn(page, 'admin', TEST_ADMIN_PASSWORD);
  });
  afterAll(async () => {
    expect(errors).toEqual([]);
    await browser?.close();
    await server?.close();
  });

  it('shows a missing referenced code next to its field, as the API names it', async () => {
    await createRecord(page, 'station-groups', {
      code: 'G1',
      name: 'Caixas Centro',
      storeCode: 'NOPE',
      priceListCode: 'PL1',
    });
    await page.locator('#f-storeCode-error').waitFor();
    expect(await page.locator('#f-storeCode-error').textContent()).toContain('NOPE');
    expect(await page.locator('.form-error').first().textContent()).toContain(
      'Alguns dados não estão corretos',
    );
    expect((await server.t.api.get<PageOf<unknown>>('/api/v1/station-groups')).body.items).toEqual([]);
  });

  it('creates a group, then a station showing its pairing code, and issues a new code', async () => {
    await createRecord(page, 'station-groups', {
      code: 'G1',
      name: 'Caixas Centro',
      storeCode: 'S1',
      priceListCode: 'PL1',
      maxCashierDiscountBp: '5,5',
      syncIntervalSeconds: '45',
    });
    await page.getByText('Cadastro concluído.').waitFor();
    const groups = await server.t.api.get<PageOf<Record<string, unknown>>>('/api/v1/station-groups');
    expect(groups.body.items).toMatchObject([
      {
        code: 'G1',
        storeCode: 'S1',
        priceListCode: 'PL1',
        maxCashierDiscountBp: 550,
        syncIntervalSeconds: 45,
      },
    ]);

    await createRecord(page, 'stations', { code: 'CX1', name: 'Caixa 1', groupCode: 'G1' });
    const code = page.getByTestId('pairing-code');
    await code.waitFor();
    const first = (await code.textContent()) ?? '';
    expect(first).toMatch(/^[0-9A-HJKMNP-TV-Z]{8}$/);
    expect(await page.locator('.pairing-code').textContent()).toContain('Válido até');
    await page.getByRole('button', { name: 'Emitir novo código' }).click();
    await expect.poll(() => code.textContent()).not.toBe(first);
    expect(await code.textContent()).toMatch(/^[0-9A-HJKMNP-TV-Z]{8}$/);

    // Issuing a code does not disturb the station (SPEC §12.2): never paired, incarnation 0.
    const stations = await server.t.api.get<PageOf<Record<string, unknown>>>('/api/v1/stations?q=CX1');
    expect(stations.body.items).toMatchObject([{ code: 'CX1', groupCode: 'G1', incarnation: 0 }]);
    expect(await page.locator('.pairing').textContent()).toContain('Nunca pareada');

    await page.goto('/master-data/stations');
    await page.locator('tr[data-code="CX1"]').getByText('G1').waitFor();
  });

  it('creates payment types, a payment condition in percent and reais, and a financial reason', async () => {
    await createRecord(page, 'payment-types', {
      code: 'DIN',
      name: 'Dinheiro',
      kind: 'cash',
      fiscalCode: '01',
    });
    await page.getByText('Cadastro concluído.').waitFor();
    await page.goto('/master-data/payment-types/new');
    await page.locator('[name="code"]').fill('CRED');
    await page.locator('[name="name"]').fill('Cartão de crédito');
    await page.locator('[name="kind"]').selectOption('credit_card');
    await page.locator('[name="allowsInstallments"]').check();
    await page.locator('[name="fiscalCode"]').fill('3');
    await page.getByRole('button', { name: 'Cadastrar' }).click();
    // fiscalCode is two digits in the contract: refused before sending.
    await page.locator('#f-fiscalCode-error').getByText('Formato inválido.').waitFor();
    await page.locator('[name="fiscalCode"]').fill('03');
    await page.getByRole('button', { name: 'Cadastrar' }).click();
    await page.getByText('Cadastro concluído.').waitFor();

    await page.goto('/master-data/payment-conditions/new');
    await page.locator('[name="code"]').fill('3X');
    await page.locator('[name="name"]').fill('3 vezes');
    // The payment types are offered as chips from the API.
    await page.locator('.chips').getByRole('button', { name: 'CRED' }).click();
    expect(await page.locator('[name="paymentTypeCodes"]').inputValue()).toBe('CRED');
    await page.locator('[name="installments"]').fill('3');
    await page.locator('[name="surchargeBp"]').fill('2,99');
    await page.locator('[name="minInstallmentCents"]').fill('1.000,5');
    await page.getByRole('button', { name: 'Cadastrar' }).click();
    await page.getByText('Cadastro concluído.').waitFor();
    const conditions = await server.t.api.get<PageOf<Record<string, unknown>>>('/api/v1/payment-conditions');
    expect(conditions.body.items).toMatchObject([
      {
        code: '3X',
        paymentTypeCodes: ['CRED'],
        installments: 3,
        surchargeBp: 299,
        minInstallmentCents: 100050,
      },
    ]);
    await page.goto('/master-data/payment-conditions');
    const row = page.locator('tr[data-code="3X"]');
    await row.getByText('2,99 %').waitFor();
    expect(await row.textContent()).toContain('R$\u00a01.000,50');
    await saveScreenshot(page, 'master-data-payment-conditions');

    await createRecord(page, 'financial-reasons', { code: 'SANG', name: 'Sangria', kind: 'withdrawal' });
    await page.getByText('Cadastro concluído.').waitFor();
    await page.goto('/master-data/financial-reasons');
    await page.locator('tr[data-code="SANG"]').getByText('Sangria', { exact: true }).first().waitFor();
  });

  it('creates a seller and an operator whose PIN is written but never shown', async () => {
    await createRecord(page, 'sellers', { code: 'V1', name: 'Ana Vendedora', storeCodes: 'S1' });
    await page.getByText('Cadastro concluído.').waitFor();
    await createRecord(page, 'operators', {
      code: 'OP1',
      name: 'Bruno Caixa',
      role: 'supervisor',
      pin: '12a4',
    });
    await page.locator('#f-pin-error').waitFor();
    await page.locator('[name="pin"]').fill('1234');
    await page.getByRole('button', { name: 'Cadastrar' }).click();
    await page.getByText('Cadastro concluído.').waitFor();
    expect(await page.locator('[name="pin"]').inputValue()).toBe('');
    const operators = await server.t.api.get<PageOf<Record<string, unknown>>>('/api/v1/operators');
    expect(operators.body.items).toMatchObject([{ code: 'OP1', role: 'supervisor' }]);
    expect(operators.body.items[0]).not.toHaveProperty('pin');

    // Editing the name alone leaves the PIN out of the PATCH.
    await page.locator('[name="name"]').fill('Bruno Supervisor');
    await page.getByRole('button', { name: 'Salvar' }).click();
    await page.getByText('Alterações salvas.').waitFor();
    const audit = await server.t.api.get<PageOf<{ action: string; after?: Record<string, unknown> }>>(
      '/api/v1/audit?action=operator.update',
    );
    expect(audit.body.items[0]?.after).toMatchObject({ name: 'Bruno Supervisor' });
  });

  it('lets an admin change the settings, checked with the contract first', async () => {
    await page.goto('/settings');
    await page.locator('[name="minStationVersion"]').fill('1.2');
    await page.getByRole('button', { name: 'Salvar' }).click();
    await page.locator('#f-minStationVersion-error').getByText('Formato inválido.').waitFor();
    await page.locator('[name="minStationVersion"]').fill('1.2.0');
    await page.locator('[name="integrationLogLevel"]').selectOption('all');
    await page.getByRole('button', { name: 'Salvar' }).click();
    await page.getByText('Alterações salvas.').waitFor();
    const settings = await server.t.api.get<Settings>('/api/v1/settings');
    expect(settings.body).toMatchObject({ minStationVersion: '1.2.0', integrationLogLevel: 'all' });
  });
});
