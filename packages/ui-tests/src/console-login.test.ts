import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, logIn, navLink, openPage } from './browser';
import { startConsoleServer, TEST_ADMIN_PASSWORD, type ConsoleServer } from './console-server';

describe('console login and language', () => {
  let server: ConsoleServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startConsoleServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('refuses a wrong password with a message, then lands on the home page with the right one', async () => {
    const { page, errors } = await openPage(browser, server.baseUrl);
    await page.goto('/master-data');
    await page.waitForURL('**/login');

    await page.locator('input[name="username"]').fill('admin');
    await page.locator('input[name="password"]').fill('not-the-password');
    await page.getByRole('button', { name: 'Entrar' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Usuário ou senha incorretos.');

    await page.locator('input[name="password"]').fill(TEST_ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Entrar' }).click();
    // Back where the operator was going before the login.
    await page.getByRole('heading', { name: 'Cadastros' }).waitFor();
    await navLink(page, 'Monitoramento').click();
    await page.getByRole('heading', { name: 'Monitoramento' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await page.getByTestId('who').textContent()).toContain('admin');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('returns to the login with a message when the session ends (401), and back after logging in', async () => {
    const { page, errors } = await openPage(browser, server.baseUrl);
    await logIn(page, 'admin', TEST_ADMIN_PASSWORD);
    const token = await page.evaluate(() => sessionStorage.getItem('storelink.token'));
    expect(token).toBeTruthy();
    // End the session on the server behind the page's back.
    const ended = await server.t.anonymous.as(token ?? '').post('/api/v1/auth/logout');
    expect(ended.status).toBe(204);

    await navLink(page, 'Cadastros').click();
    await page.getByRole('link', { name: 'Lojas' }).click();
    await page.getByText('Sua sessão terminou. Entre novamente para continuar.').waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(await page.evaluate(() => sessionStorage.getItem('storelink.token'))).toBeNull();

    await page.locator('input[name="username"]').fill('admin');
    await page.locator('input[name="password"]').fill(TEST_ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Entrar' }).click();
    await page.getByRole('heading', { name: 'Lojas' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/master-data/stores');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('switches to English, and remembers it after a reload', async () => {
    const { page, errors } = await openPage(browser, server.baseUrl);
    await logIn(page, 'admin', TEST_ADMIN_PASSWORD);
    await page.getByRole('heading', { name: 'Monitoramento' }).waitFor();

    await page.getByLabel('Idioma').selectOption('en');
    await page.getByRole('heading', { name: 'Monitoring' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Main navigation' }).textContent()).toContain(
      'Master data',
    );
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');

    await page.reload();
    await navLink(page, 'Master data').click();
    await page.getByRole('link', { name: 'Station groups' }).waitFor();
    expect(await page.evaluate(() => localStorage.getItem('storelink.language'))).toBe('en');

    await page.getByLabel('Language').selectOption('pt-BR');
    await page.getByRole('link', { name: 'Grupos de estações' }).waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
