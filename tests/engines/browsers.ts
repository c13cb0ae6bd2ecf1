import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { delimiter, join } from 'node:path';
import puppeteer, { type Browser, type LaunchOptions, type Page } from 'puppeteer-core';
import { CHROMIUM_ARGS, findChromium } from '../chromium.js';

/** The engines the cross-engine suite runs in: Blink, Gecko and WebKit. */
export const ENGINES = ['chromium', 'firefox', 'webkit'] as const;

/** One of {@link ENGINES}. */
export type Engine = (typeof ENGINES)[number];

/** Size of the page's viewport in CSS pixels. */
export interface Viewport {
  width: number;
  height: number;
}

/** A page in one engine, driven from Node. */
export interface EnginePage {
  readonly engine: Engine;
  /** Loads `url` with a viewport of the given size and resolves after its `load` event. */
  open(url: string, viewport?: Viewport): Promise<void>;
  /**
   * Runs `fn` in the page with JSON arguments and resolves with its awaited JSON result. `fn` is
   * sent as source text: it must not use anything from its module.
   */
  run<Args extends unknown[], Result>(fn: (...args: Args) => Result | Promise<Result>, ...args: Args): Promise<Result>;
  /** A real mouse click (pointer down and up) at viewport coordinates. */
  click(x: number, y: number): Promise<void>;
  /** A PNG of the viewport, base64-encoded. */
  screenshot(): Promise<string>;
  close(): Promise<void>;
}

const DEFAULT_VIEWPORT: Viewport = { width: 1280, height: 720 };

/** One line on how to get each engine, printed when it is not found. */
const HOWTO: Readonly<Record<'firefox' | 'webkit' | 'minibrowser' | 'display', string>> = {
  firefox: 'No Firefox found for the cross-engine tests: install one (`sudo apt-get install firefox-esr`) or set FIREFOX_PATH to a Firefox executable.',
  webkit:
    'No WebKitWebDriver found for the cross-engine tests: install it (`sudo apt-get install webkit2gtk-driver xvfb`) or set WEBKIT_DRIVER_PATH to a WebKitWebDriver executable.',
  minibrowser:
    "No WebKitGTK MiniBrowser found for the cross-engine tests: install it (`sudo apt-get install webkit2gtk-driver`, which brings libwebkit2gtk-4.1) or set WEBKIT_BROWSER_PATH to WebKitGTK's MiniBrowser.",
  display: 'No X display for WebKitGTK in the cross-engine tests: install Xvfb (`sudo apt-get install xvfb`) or set DISPLAY.',
};

/** Starts a page in `engine`, or throws one line saying how to install it. */
export async function launch(engine: Engine): Promise<EnginePage> {
  if (engine === 'webkit') return launchWebKit();
  return engine === 'firefox'
    ? launchPuppeteer(engine, { browser: 'firefox', executablePath: find(HOWTO.firefox, [process.env.FIREFOX_PATH, ...onPath('firefox-esr', 'firefox')]) })
    : launchPuppeteer(engine, { browser: 'chrome', executablePath: findChromium(), args: CHROMIUM_ARGS });
}

/** The first of `candidates` that exists, or an error saying how to get one. */
function find(howto: string, candidates: readonly (string | undefined)[]): string {
  const found = candidates.find((path): path is string => Boolean(path) && existsSync(path!));
  if (!found) throw new Error(howto);
  return found;
}

/** Where each of `names` would be found on the PATH. */
function onPath(...names: string[]): string[] {
  const folders = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  return names.flatMap((name) => folders.map((folder) => join(folder, name)));
}

/** Chromium over the DevTools protocol, Firefox over WebDriver BiDi (Debian has no geckodriver). */
async function launchPuppeteer(engine: Engine, options: LaunchOptions): Promise<EnginePage> {
  const browser: Browser = await puppeteer.launch({ ...options, headless: true });
  // Firefox's first tab never has focus (nothing in it matches :focus) and ignores `defaultViewport`: use a tab of our own
  const page: Page = await browser.newPage();
  return {
    engine,
    async open(url, viewport = DEFAULT_VIEWPORT) {
      await page.setViewport(viewport);
      await page.goto(url, { waitUntil: 'load' });
    },
    run: (fn, ...args) => page.evaluate(fn as (...args: unknown[]) => unknown, ...args) as never,
    click: (x, y) => page.mouse.click(x, y),
    screenshot: () => page.screenshot({ encoding: 'base64' }),
    close: () => browser.close(),
  };
}

/** A free TCP port on the loopback interface. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Starts Xvfb on a free display number and resolves with that display (`:N`). */
function startXvfb(executable: string): Promise<{ display: string; process: ChildProcess }> {
  return new Promise((resolve, reject) => {
    // Xvfb writes the display number it picked to file descriptor 3
    const xvfb = spawn(executable, ['-displayfd', '3', '-screen', '0', '1920x1200x24', '-nolisten', 'tcp'], { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
    let errors = '';
    xvfb.stderr!.on('data', (chunk: Buffer) => (errors += chunk));
    xvfb.stdio[3]!.once('data', (chunk: Buffer) => resolve({ display: `:${chunk.toString().trim()}`, process: xvfb }));
    xvfb.once('error', reject);
    xvfb.once('exit', (code) => reject(new Error(`Xvfb stopped (${code}): ${errors.trim().split('\n').at(-1)}`)));
  });
}

/** WebKitGTK's MiniBrowser: the WEBKIT_BROWSER_PATH, or where Debian and Fedora install it. */
function findMiniBrowser(): string {
  const libdirs = ['/usr/lib/x86_64-linux-gnu', '/usr/lib/aarch64-linux-gnu', '/usr/lib64', '/usr/lib', '/usr/libexec'];
  return find(HOWTO.minibrowser, [process.env.WEBKIT_BROWSER_PATH, ...libdirs.map((dir) => join(dir, 'webkit2gtk-4.1', 'MiniBrowser'))]);
}

/** WebKitGTK through WebKitWebDriver, with plain WebDriver requests; under Xvfb, or on DISPLAY without it. */
async function launchWebKit(): Promise<EnginePage> {
  const driverPath = find(HOWTO.webkit, [process.env.WEBKIT_DRIVER_PATH, ...onPath('WebKitWebDriver')]);
  const binary = findMiniBrowser();
  const xvfbPath = onPath('Xvfb').find((path) => existsSync(path));
  if (!xvfbPath && !process.env.DISPLAY) throw new Error(HOWTO.display);
  const xvfb = xvfbPath ? await startXvfb(xvfbPath) : undefined;
  const port = await freePort();
  const driver = spawn(driverPath, [`--port=${port}`], { env: { ...process.env, DISPLAY: xvfb?.display ?? process.env.DISPLAY }, stdio: 'ignore' });
  const stop = () => {
    driver.kill();
    xvfb?.process.kill();
  };
  try {
    const base = `http://127.0.0.1:${port}`;
    await waitForDriver(base);
    const { sessionId } = await webDriver<{ sessionId: string }>(base, 'POST', '/session', {
      capabilities: { alwaysMatch: { browserName: 'MiniBrowser', 'webkitgtk:browserOptions': { binary, args: ['--automation'] } } },
    });
    const session = <T>(method: string, path: string, body?: unknown) => webDriver<T>(base, method, `/session/${sessionId}${path}`, body);
    await session('POST', '/timeouts', { script: 60_000 });
    const page: EnginePage = {
      engine: 'webkit',
      async open(url, viewport = DEFAULT_VIEWPORT) {
        await fitWindow(page, session, viewport);
        await session('POST', '/url', { url });
      },
      async run(fn, ...args) {
        // the last argument of an asynchronous script is its callback
        const script = `const done = arguments[arguments.length - 1];
          Promise.resolve().then(() => (${fn.toString()})(...arguments[0]))
            .then((value) => done({ value }), (error) => done({ error: String(error && error.stack || error) }));`;
        const outcome = await session<{ value?: never; error?: string }>('POST', '/execute/async', { script, args: [args] });
        if (outcome.error !== undefined) throw new Error(outcome.error);
        return outcome.value as never;
      },
      async click(x, y) {
        const pointer = { type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' } };
        const actions = [
          { type: 'pointerMove', origin: 'viewport', x: Math.round(x), y: Math.round(y), duration: 0 },
          { type: 'pointerDown', button: 0 },
          { type: 'pointerUp', button: 0 },
        ];
        await session('POST', '/actions', { actions: [{ ...pointer, actions }] });
      },
      screenshot: () => session<string>('GET', '/screenshot'),
      async close() {
        await session('DELETE', '').catch(() => undefined);
        stop();
      },
    };
    return page;
  } catch (error) {
    stop();
    throw error;
  }
}

/** The MiniBrowser window has its own toolbar: size the window so that the viewport is `viewport`. */
async function fitWindow(page: EnginePage, session: <T>(method: string, path: string, body?: unknown) => Promise<T>, viewport: Viewport): Promise<void> {
  const measure = () => page.run(() => ({ width: innerWidth, height: innerHeight }));
  let inner = await measure();
  for (let tries = 0; tries < 3 && (inner.width !== viewport.width || inner.height !== viewport.height); tries++) {
    const window = await session<Viewport>('GET', '/window/rect');
    await session('POST', '/window/rect', { width: window.width + viewport.width - inner.width, height: window.height + viewport.height - inner.height });
    inner = await measure();
  }
}

/** Waits until WebKitWebDriver answers, for at most 10 s. */
async function waitForDriver(base: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const ready = await fetch(`${base}/status`).then((response) => response.ok, () => false);
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`WebKitWebDriver did not answer at ${base} within 10 s`);
}

/** One WebDriver request; resolves with its `value`, or throws the driver's error. */
async function webDriver<T>(base: string, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: body === undefined ? undefined : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const { value } = (await response.json()) as { value: T & { error?: string; message?: string } };
  if (!response.ok) throw new Error(`WebDriver ${method} ${path}: ${value.error}: ${value.message}`);
  return value;
}
