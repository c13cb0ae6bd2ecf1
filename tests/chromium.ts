import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** One line on how to get a browser, printed when none is found. */
export const CHROMIUM_HOWTO =
  'No Chromium found for the browser tests: install one (`sudo apt-get install chromium`, or `npx playwright install chromium`) or set CHROME_PATH to a Chromium or Chrome executable.';

/** Chromium executables left by `npx playwright install chromium`, newest first. */
function playwrightCache(): string[] {
  const cache = process.env.PLAYWRIGHT_BROWSERS_PATH || join(homedir(), '.cache', 'ms-playwright');
  if (!existsSync(cache)) return [];
  return readdirSync(cache)
    .filter((name) => name.startsWith('chromium'))
    .sort()
    .reverse()
    .flatMap((name) => [join(cache, name, 'chrome-linux', 'chrome'), join(cache, name, 'chrome-linux64', 'chrome'), join(cache, name, 'chrome-linux', 'headless_shell')]);
}

/** Finds a Chromium: `CHROME_PATH`, the usual system paths, then Playwright's cache. */
export function findChromium(): string {
  const candidates = [
    process.env.CHROME_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    ...playwrightCache(),
  ].filter((path): path is string => Boolean(path));
  const found = candidates.find((path) => existsSync(path));
  if (!found) throw new Error(CHROMIUM_HOWTO);
  return found;
}

/** Flags for headless Chromium on a closed network (no background requests, no sandbox as root). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // lets the lifecycle test collect garbage before reading the heap
  '--js-flags=--expose-gc',
];
