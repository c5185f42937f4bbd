import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_PATH, hasChromium } from './browser';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const webDir = path.join(root, 'packages/admin-web');
const builtIndex = path.join(webDir, 'dist/index.html');

function newestSourceMs(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSourceMs(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** Whether the console bundle is missing or older than its sources (or the contracts it embeds). */
export function isBundleStale(): boolean {
  if (!fs.existsSync(builtIndex)) return true;
  const builtMs = fs.statSync(builtIndex).mtimeMs;
  const sources = [
    path.join(webDir, 'src'),
    path.join(webDir, 'index.html'),
    path.join(root, 'packages/contracts/src'),
  ];
  return sources.some((source) =>
    fs.statSync(source).isDirectory()
      ? newestSourceMs(source) > builtMs
      : fs.statSync(source).mtimeMs > builtMs,
  );
}

/**
 * Before the browser tests: build the console when it is missing or stale, so the tests always
 * drive the code in the tree (CI builds it in `npm ci` already; this is then a no-op).
 */
export default function setup(): void {
  if (!hasChromium()) {
    throw new Error(
      `The browser tests drive Debian's Chromium at ${CHROMIUM_PATH}: apt-get install -y chromium (or set CHROMIUM_PATH).`,
    );
  }
  if (!isBundleStale()) return;
  execFileSync('npm', ['run', 'build:web'], { cwd: root, stdio: 'inherit' });
}
