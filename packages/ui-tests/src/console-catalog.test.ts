import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { PageOf } from '@storelink/contracts';
import { createRecord, launchBrowser, logIn, openPage, saveScreenshot } from './browser';
import { startConsoleServer, TEST_ADMIN_PASSWORD, type ConsoleServer } from './console-server';

describe('console catalog: the whole chain, prices and product import', () => {
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

  it('creates the store the chain hangs on', async () => {
    await createRecord(page, 'stores', { code: 'S1', name: 'Loja Centro' });
    await page.getByText('Cadastro concluído.').waitFor();
  });

  it('creates a price list, a group, a station with its pairing code, a product with a SKU and barcode, and its price', async () => {
    await createRecord(page, 'price-lists', { code: 'PL1', name: 'Tabela varejo' });
    await page.getByText('Cadastro concluído.').waitFor();
    const priceListUrl = page.url();

    await createRecord(page, 'station-groups', {
      code: 'G1',
      name: 'Caixas Centro',
      storeCode: 'S1',
      priceListCode: 'PL1',
      maxCashierDiscountBp: '5,5',
    });
    await page.getByText('Cadastro concluído.').waitFor();
    const groups =
      await server.t.api.get<PageOf<{ code: string; maxCashierDiscountBp: number }>>(
        '/api/v1/station-groups',
      );
    expect(groups.body.items).toMatchObject([{ code: 'G1', maxCashierDiscountBp: 550 }]);

    await createRecord(page, 'stations', { code: 'CX1', name: 'Caixa 1', groupCode: 'G1' });
    const code = page.getByTestId('pairing-code');
    await code.waitFor();
    const first = (await code.textContent()) ?? '';
    expect(first).toMatch(/^[0-9A-HJKMNP-TV-Z]{8}$/);
    await page.getByRole('button', { name: 'Emitir novo código' }).click();
    await expect.poll(() => code.textContent()).not.toBe(first);
    expect(await code.textContent()).toMatch(/^[0-9A-HJKMNP-TV-Z]{8}$/);

    await page.goto('/master-data/products/new');
    await page.locator('[name="code"]').fill('P1');
    await page.locator('[name="name"]').fill('Camiseta básica');
    await page.locator('[name="brand"]').fill('Marca');
    await page.getByRole('button', { name: 'Adicionar SKU' }).click();
    await page.locator('[name="skus[0].code"]').fill('P1-AZ-M');
    await page.locator('[name="skus[0].color"]').fill('Azul');
    await page.locator('[name="skus[0].size"]').fill('M');
    await page.locator('[name="skus[0].barcodes"]').fill('7890000000017');
    await page.getByRole('button', { name: 'Cadastrar' }).click();
    await page.getByText('Cadastro concluído.').waitFor();
    // A saved SKU's code is locked: codes never change.
    expect(await page.locator('[name="skus[0].code"]').isDisabled()).toBe(true);
    const products =
      await server.t.api.get<PageOf<{ code: string; skus: unknown[] }>>('/api/v1/products?q=P1');
    expect(products.body.items).toMatchObject([
      { code: 'P1', skus: [{ code: 'P1-AZ-M', color: 'Azul', size: 'M', barcodes: ['7890000000017'] }] },
    ]);

    await page.goto(priceListUrl);
    // The SKU travels in the path: an unknown one is a 404 the form puts on the SKU field.
    await page.locator('[name="skuCode"]').fill('NOPE');
    await page.locator('[name="priceCents"]').fill('5');
    await page.getByRole('button', { name: 'Definir preço' }).click();
    await page.locator('#f-skuCode-error').getByText('NOPE', { exact: false }).waitFor();
    await page.locator('[name="priceCents"]').fill('19,999');
    await page.getByRole('button', { name: 'Definir preço' }).click();
    await page.locator('#f-priceCents-error').getByText('Informe um valor como 12,34.').waitFor();
    await page.locator('[name="skuCode"]').fill('P1-AZ-M');
    await page.locator('[name="priceCents"]').fill('19,90');
    await page.getByRole('button', { name: 'Definir preço' }).click();
    await page
      .locator('[data-testid="prices-table"] tr[data-code="P1-AZ-M"]')
      .getByText('R$ 19,90')
      .waitFor();
    const priceListId = new URL(priceListUrl).pathname.split('/').pop() ?? '';
    const prices = await server.t.api.get<PageOf<{ skuCode: string; priceCents: number }>>(
      `/api/v1/price-lists/${priceListId}/prices`,
    );
    expect(prices.body.items).toEqual([{ skuCode: 'P1-AZ-M', priceCents: 1990 }]);
  });

  it('imports a product CSV with a progress bar and reports the bad rows by line', async () => {
    const rows = [
      'productCode,productName,brand,category,skuCode,color,size,barcodes,active',
      'P2,Calça jeans,Marca,calcas,P2-38,Azul,38,7890000000031;7890000000048,true',
      'P2,Calça jeans,Marca,calcas,P2-40,Azul,40,7890000000055,true',
      'P3,Boné,,acessorios,bad sku,,,,true',
      'P4,Meia,,acessorios,P4-U,Branca,U,,true',
    ];
    await page.goto('/master-data/products');
    await page.getByRole('link', { name: 'Importar CSV' }).click();
    await page.locator('input[name="file"]').setInputFiles({
      name: 'produtos.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(rows.join('\n') + '\n', 'utf8'),
    });
    await page.getByRole('button', { name: 'Enviar arquivo' }).click();
    await page.getByTestId('import-result').waitFor();
    expect(await page.getByTestId('import-phase').textContent()).toBe('Importação concluída.');
    expect(await page.locator('progress').getAttribute('value')).toBe('100');
    const facts = (await page.getByTestId('import-result').locator('dd').allTextContents()).map(Number);
    expect(facts).toEqual([4, 3, 1]);
    const errorRows = page.locator('[data-testid="import-errors"] tbody tr');
    expect(await errorRows.count()).toBe(1);
    expect(await errorRows.first().locator('td').first().textContent()).toBe('4');
    await saveScreenshot(page, 'product-import');

    const imported =
      await server.t.api.get<PageOf<{ code: string; skus: { code: string }[] }>>('/api/v1/products');
    expect(imported.body.items.map((p) => p.code)).toEqual(['P1', 'P2', 'P4']);
    expect(imported.body.items.find((p) => p.code === 'P2')?.skus.map((s) => s.code)).toEqual([
      'P2-38',
      'P2-40',
    ]);

    await page.goto('/master-data/products');
    await expect.poll(() => page.locator('tbody tr[data-code]').count()).toBe(3);
    await saveScreenshot(page, 'master-data-products');
  });

  it('shows a barcode already used by another SKU as the API words it', async () => {
    await page.goto('/master-data/products/new');
    await page.locator('[name="code"]').fill('P9');
    await page.locator('[name="name"]').fill('Outra camiseta');
    await page.getByRole('button', { name: 'Adicionar SKU' }).click();
    await page.locator('[name="skus[0].code"]').fill('P9-U');
    await page.locator('[name="skus[0].barcodes"]').fill('7890000000017');
    await page.getByRole('button', { name: 'Cadastrar' }).click();
    await page.locator('.form-error').first().waitFor();
    expect(await page.locator('.form-error').first().textContent()).toContain('7890000000017');
    const products = await server.t.api.get<PageOf<unknown>>('/api/v1/products?q=P9');
    expect(products.body.items).toEqual([]);
  });
});
