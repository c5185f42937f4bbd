import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium (`apt-get install -y chromium`); never a downloaded browser. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function hasChromium(): boolean {
  return fs.existsSync(CHROMIUM_PATH);
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * A fresh browser context (its own sessionStorage and localStorage) on the console, failing
 * the test on any uncaught page error so a broken screen cannot pass unnoticed.
 */
export async function openPage(browser: Browser, baseUrl: string): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport: { width: 1360, height: 900 },
    locale: 'pt-BR',
  });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return { page, errors };
}

/** Logs in through the login form and waits for the shell. */
export async function logIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/');
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('button[type="submit"]').click();
  await page.getByTestId('who').waitFor();
}

/**
 * Screenshots for docs/screenshots: taken only when SCREENSHOTS_DIR is set (`npm run
 * screenshots`), so an ordinary test run never rewrites tracked files.
 */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  const dir = process.env.SCREENSHOTS_DIR;
  if (!dir) return;
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

/** A link of the console's sidebar, by its exact text. */
export function navLink(page: Page, name: string) {
  return page.locator('nav.sidebar').getByRole('link', { name, exact: true });
}

/** Opens `/master-data/<resource>/new`, fills inputs and selects by name, and submits. */
export async function createRecord(
  page: Page,
  resource: string,
  fill: Record<string, string>,
): Promise<void> {
  await page.goto(`/master-data/${resource}/new`);
  for (const [name, value] of Object.entries(fill)) {
    const input = page.locator(`[name="${name}"]`);
    if ((await input.evaluate((element) => element.tagName)) === 'SELECT') await input.selectOption(value);
    else await input.fill(value);
  }
  await page.getByRole('button', { name: 'Cadastrar' }).click();
}
