import { cpSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';

const REVEAL = resolve('node_modules/reveal.js/dist');

/**
 * Serves what the example deck in `public/deck/` loads: reveal.js from node_modules at
 * `deck/vendor/`, and `governance-graph.js` from the sources while developing. The build copies
 * reveal.js next to the deck; `governance-graph.js` is the embed bundle built beside it.
 */
export function deckPlugin(): Plugin {
  let outDir: string | undefined;
  return {
    name: 'governance-deck',
    configResolved(config) {
      // a dev server calls closeBundle too, when it closes: copy for builds only
      if (config.command === 'build') outDir = resolve(config.root, config.build.outDir);
    },
    configureServer(server) {
      server.middlewares.use((request, _response, next) => {
        const url = request.url ?? '';
        if (/^\/governance-graph(\.iife)?\.js(\?|$)/.test(url)) request.url = '/src/index.ts';
        else if (url.startsWith('/deck/vendor/')) request.url = `/@fs${REVEAL}/${url.slice('/deck/vendor/'.length).split('?')[0]}`;
        next();
      });
    },
    closeBundle() {
      if (outDir) cpSync(REVEAL, join(outDir, 'deck/vendor'), { recursive: true, filter: (path) => !path.endsWith('.map') && !path.endsWith('.d.ts') });
    },
  };
}
