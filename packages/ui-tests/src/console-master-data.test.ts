import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { PageOf } from '@storelink/contracts';
import { createRecord, launchBrowser, logIn, openPage, saveScreenshot } from './browser';
import { startConsoleServer, TEST_ADMIN_PASSWORD, type ConsoleServer } from './console-server';

describe('console master data', () => {
  let server: ConsoleServer;
  let browser: Browser;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    server = await startConsoleServer();
    browser = await launchBrowser();
    ({ page, errors } = await openPage(browser, server.baseUrl));
    await logIn(page, 'admin', TEST_ADMIN_PASSWORD);
  });
  afterAll(async () => {
    expect(errors).toEqual([]);
    await browser?.close();
    await server?.close();
  });

  it('creates a store, and shows the API refusals next to their fields', async () => {
    await createRecord(page, 'stores', { code: 'S1', name: 'Loja Centro', taxId: '12.345.678/0001-90' });
    await page.getByText('Cadastro concluído.').waitFor();
    const stores = await server.t.api.get<PageOf<{ code: string; taxId?: string }>>('/api/v1/stores?q=S1');
    expect(stores.body.items).toMatchObject([{ code: 'S1', taxId: '12.345.678/0001-90' }]);

    // Duplicate code: the API answers 409 and the form puts its words on the code field.
    await createRecord(page, 'stores', { code: 'S1', name: 'Outra loja' });
    await page
      .locator('#f-code-error')
      .getByText('A store with code S1 already exists', { exact: false })
      .waitFor();
    expect(await page.locator('.form-error').first().textContent()).toContain(
      'Já existe um registro com este código',
    );

    // A timezone the schema lets through but the server refuses: errors[].path = timezone.
    await createRecord(page, 'stores', { code: 'S2', name: 'Loja Marte', timezone: 'Mars/Olympus' });
    await page.locator('#f-timezone-error').getByText('is not an IANA timezone', { exact: false }).waitFor();
    expect(await page.locator('input[name="timezone"]').getAttribute('aria-invalid')).toBe('true');

    // The contract's own pattern, checked before sending anything.
    await createRecord(page, 'stores', { code: 'S 3', name: 'Loja' });
    await page.locator('#f-code-error').getByText('Formato inválido.').waitFor();
    const all = await server.t.api.get<PageOf<{ code: string }>>('/api/v1/stores');
    expect(all.body.items.map((s) => s.code)).toEqual(['S1']);
  });

  it('searches, deactivates and reactivates from the list', async () => {
    await createRecord(page, 'stores', { code: 'S9', name: 'Loja Norte' });
    await page.getByText('Cadastro concluído.').waitFor();
    await page.goto('/master-data/stores');
    await page.locator('input[name="q"]').fill('norte');
    await page.getByRole('button', { name: 'Buscar' }).click();
    await expect.poll(() => page.locator('tbody tr[data-code]').count()).toBe(1);
    const row = page.locator('tr[data-code="S9"]');
    await row.getByRole('button', { name: 'Desativar' }).click();
    await row.getByRole('button', { name: 'Confirmar desativação' }).click();
    await row.getByText('Inativo').waitFor();
    const list = await server.t.api.get<PageOf<{ active: boolean }>>('/api/v1/stores?q=S9');
    expect(list.body.items[0]?.active).toBe(false);

    await page.locator('select[name="active"]').selectOption('true');
    await page.getByRole('button', { name: 'Buscar' }).click();
    await page.getByText('Nenhum registro encontrado.').waitFor();
    await page.locator('select[name="active"]').selectOption('');
    await page.getByRole('button', { name: 'Buscar' }).click();
    await row.getByRole('button', { name: 'Reativar' }).click();
    await row.getByText('Ativo', { exact: true }).waitFor();
    await page.locator('input[name="q"]').fill('');
    await page.getByRole('button', { name: 'Buscar' }).click();
    await expect.poll(() => page.locator('tbody tr[data-code]').count()).toBe(2);
    await saveScreenshot(page, 'master-data-stores');
  });

  it('creates a promotion, checking its kind rules with the domain code before sending', async () => {
    await createRecord(page, 'promotions', {
      code: 'LEVE3',
      name: 'Leve 3 pague 3',
      kind: 'buy_x_pay_y',
      buyQuantity: '3',
      payQuantity: '3',
    });
    await page.locator('#f-payQuantity-error').waitFor();
    expect(await server.t.api.get<PageOf<unknown>>('/api/v1/promotions').then((r) => r.body.items)).toEqual(
      [],
    );

    await page.locator('input[name="payQuantity"]').fill('2');
    await page.getByRole('button', { name: 'Cadastrar' }).click();
    await page.getByText('Cadastro concluído.').waitFor();

    await createRecord(page, 'promotions', {
      code: 'DEZ',
      name: 'Dez e meio por cento',
      kind: 'percent_off',
      percentBp: '10,5',
    });
    await page.getByText('Cadastro concluído.').waitFor();
    const promotions =
      await server.t.api.get<PageOf<{ code: string; percentBp?: number; payQuantity?: number }>>(
        '/api/v1/promotions',
      );
    expect(promotions.body.items).toMatchObject([
      { code: 'DEZ', percentBp: 1050 },
      { code: 'LEVE3', payQuantity: 2 },
    ]);
    await page.goto('/master-data/promotions');
    await page.locator('tr[data-code="DEZ"]').getByText('Percentual de desconto').waitFor();
  });
});
