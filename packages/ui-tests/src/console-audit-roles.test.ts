import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, logIn, navLink, openPage, saveScreenshot } from './browser';
import { startConsoleServer, TEST_ADMIN_PASSWORD, type ConsoleServer } from './console-server';

const AUDITOR = { username: 'auditora', password: 'auditora-senha-longa' };

describe('console roles and audit', () => {
  let server: ConsoleServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startConsoleServer();
    browser = await launchBrowser();
    const created = await server.t.api.post<{ id: string }>('/api/v1/stores', {
      code: 'S1',
      name: 'Loja Centro',
    });
    expect(created.status).toBe(201);
    const renamed = await server.t.api.patch(`/api/v1/stores/${created.body.id}`, {
      name: 'Loja Centro Novo',
    });
    expect(renamed.status).toBe(200);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('lets an admin create an auditor in the users screen', async () => {
    const { page, errors } = await openPage(browser, server.baseUrl);
    await logIn(page, 'admin', TEST_ADMIN_PASSWORD);
    await navLink(page, 'Configurações').click();
    await page.getByRole('link', { name: 'Usuários' }).click();
    await page.getByRole('button', { name: 'Novo usuário' }).click();
    await page.locator('input[name="username"]').fill(AUDITOR.username);
    await page.locator('input[name="password"]').fill('curta');
    await page.locator('select[name="role"]').selectOption('auditor');
    await page.getByRole('button', { name: 'Cadastrar' }).click();
    // Checked with the API's own schema before sending: at least 10 characters.
    await page.locator('#f-password-error').getByText('Use ao menos 10 caracteres.').waitFor();

    await page.locator('input[name="password"]').fill(AUDITOR.password);
    await page.getByRole('button', { name: 'Cadastrar' }).click();
    await page
      .locator(`[data-testid="users-table"] tr[data-code="${AUDITOR.username}"]`)
      .getByText('Auditor', { exact: true })
      .waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('shows an auditor no create, edit or deactivate buttons, and no users admin', async () => {
    const { page, errors } = await openPage(browser, server.baseUrl);
    await logIn(page, AUDITOR.username, AUDITOR.password);
    expect(await page.getByTestId('who').textContent()).toContain('Auditor');

    await page.goto('/master-data/stores');
    const row = page.locator('tr[data-code="S1"]');
    await row.waitFor();
    expect(await page.getByRole('link', { name: 'Novo' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /Desativar|Reativar/ }).count()).toBe(0);
    expect(await row.getByRole('link', { name: 'Editar' }).count()).toBe(0);

    await row.getByRole('link', { name: 'Ver' }).click();
    await page.locator('input[name="name"]').waitFor();
    expect(await page.locator('input[name="name"]').isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Salvar' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /Desativar|Reativar/ }).count()).toBe(0);

    await page.goto('/master-data');
    await page.getByRole('heading', { name: 'Cadastros' }).waitFor();
    expect(await page.getByRole('link', { name: 'Importar produtos' }).count()).toBe(0);

    await navLink(page, 'Configurações').click();
    await page.getByRole('link', { name: 'Parâmetros' }).waitFor();
    expect(await page.getByRole('link', { name: 'Usuários' }).count()).toBe(0);
    await page.locator('[name="minStationVersion"]').waitFor();
    expect(await page.locator('[name="minStationVersion"]').isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Salvar' }).count()).toBe(0);
    await page.goto('/settings/users');
    await page.getByText('Somente administradores gerenciam usuários.').waitFor();
    expect(await page.getByTestId('users-table').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('lists the changes with before and after, filters them, and verifies the chain', async () => {
    const { page, errors } = await openPage(browser, server.baseUrl);
    await logIn(page, AUDITOR.username, AUDITOR.password);
    await navLink(page, 'Auditoria').click();

    const update = page.locator('tr[data-action="store.update"]');
    await update.waitFor();
    expect(await page.locator('tr[data-action="store.create"]').count()).toBe(1);
    expect(await page.locator('tr[data-action="user.create"]').count()).toBe(1);

    await update.getByRole('button', { name: 'Detalhes' }).click();
    const changed = page.locator('[data-testid="audit-diff"] tr.diff-changed');
    await changed.first().waitFor();
    expect(await changed.count()).toBe(1);
    expect(await changed.locator('th').textContent()).toBe('name');
    expect(await changed.textContent()).toContain('Loja Centro Novo');

    await page.getByRole('button', { name: 'Verificar cadeia' }).click();
    const verified = page.getByTestId('verify-result');
    await verified.waitFor();
    expect(await verified.textContent()).toMatch(/Cadeia íntegra\. Registros verificados: [3-9]/);
    await saveScreenshot(page, 'audit');

    await page.locator('input[name="action"]').fill('store.update');
    await page.getByRole('button', { name: 'Filtrar' }).click();
    await expect.poll(() => page.locator('tr[data-action]').count()).toBe(1);
    expect(await page.locator('tr[data-action="store.update"]').count()).toBe(1);

    // The station filter is checked with the API's schema (a UUID) before asking.
    await page.locator('input[name="stationId"]').fill('not-a-uuid');
    await page.getByRole('button', { name: 'Filtrar' }).click();
    await page.locator('.filters .field-error').first().waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
