import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import '../../src/components/governance-compare.js';
import '../../src/components/governance-graph.js';
import { nextEvent } from './helpers.js';

afterEach(() => {
  document.body.replaceChildren();
});

/** Attribute values an attacker or a careless page would set: names every object has, huge, control and bidi characters. */
const hostileValue = fc.oneof(
  fc.constantFrom('constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty', 'prototype', ''),
  fc.constantFrom('domestic', 'foreign', 'overview', 'city', 'en', 'both', 'dark', 'bands', '1.5', '-1', 'NaN', 'Infinity', 'market,leads', 'city-gov'),
  fc.constantFrom('\u0000', '\u202E\u2066x', '\uD800', '\uFFFE', '\u200B', '<img src=x onerror=window.__xss=1>', '"/><script>window.__xss=2</script>'),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(100_000, 1_000_000).map((length) => 'x'.repeat(length)),
);

/** Watches the page for uncaught errors and unhandled rejections while `run` runs. */
async function withoutUncaught(run: () => Promise<void>): Promise<string[]> {
  const uncaught: string[] = [];
  const onError = (event: ErrorEvent) => uncaught.push(event.message);
  const onRejection = (event: PromiseRejectionEvent) => uncaught.push(String(event.reason));
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  try {
    await run();
  } finally {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
  }
  return uncaught;
}

describe('hostile attribute values (fast-check)', () => {
  const attributes = ['model', 'src', 'view', 'lang', 'theme', 'trace', 'trace-to', 'step', 'hide', 'layout', 'static', 'influence'];

  it('<governance-graph> always ends drawn or with a visible message; attributes can be removed again', async () => {
    const uncaught = await withoutUncaught(() =>
      fc.assert(
        fc.asyncProperty(fc.dictionary(fc.constantFrom(...attributes), hostileValue, { minKeys: 1, maxKeys: 3 }), async (values) => {
          const el = document.createElement('governance-graph');
          el.style.cssText = 'display: block; width: 600px; height: 400px';
          el.setAttribute('model', 'foreign');
          for (const [name, value] of Object.entries(values)) el.setAttribute(name, value);
          const settled = Promise.race(['graph-ready', 'graph-error'].map((type) => nextEvent(el, type).then(({ detail }) => ({ type, detail: detail as { message?: string } }))));
          document.body.append(el);
          const { type, detail } = await settled;
          await el.updateComplete;
          if (type === 'graph-error') {
            expect(detail.message!.length).toBeLessThan(1000);
            expect(el.shadowRoot!.querySelector('[part="error"]')!.textContent!.trim()).not.toBe('');
          }
          for (const name of Object.keys(values)) el.removeAttribute(name);
          await el.updateComplete;
          el.remove();
        }),
        { numRuns: 40 },
      ),
    );
    expect(uncaught).toEqual([]);
    expect((window as { __xss?: number }).__xss).toBeUndefined();
  }, 120_000);

  it('<governance-compare> never throws, whatever its sides, language and hidden entries', async () => {
    const uncaught = await withoutUncaught(() =>
      fc.assert(
        fc.asyncProperty(fc.dictionary(fc.constantFrom('left', 'right', 'lang', 'theme', 'hide'), hostileValue, { minKeys: 1, maxKeys: 2 }), async (values) => {
          const compare = document.createElement('governance-compare');
          compare.style.cssText = 'display: block; height: 500px';
          for (const [name, value] of Object.entries(values)) compare.setAttribute(name, value);
          document.body.append(compare);
          await compare.updateComplete;
          const sides = [...compare.shadowRoot!.querySelectorAll('governance-graph')];
          // a side refused at once (an empty id) has already reported its error and shows it
          const settled = (side: Element) => side.shadowRoot?.querySelector('[part="error"]');
          await Promise.all(sides.map((side) => (settled(side) ? undefined : Promise.race([nextEvent(side, 'graph-ready'), nextEvent(side, 'graph-error')]))));
          for (const name of Object.keys(values)) compare.removeAttribute(name);
          await compare.updateComplete;
          compare.remove();
        }),
        { numRuns: 10 },
      ),
    );
    expect(uncaught).toEqual([]);
  }, 120_000);
});
