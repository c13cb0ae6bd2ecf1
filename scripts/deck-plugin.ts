import { cpSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';

const REVEAL = resolve('node_modules/reveal.js/dist');

/**
 * Serves what the example deck in `public/deck/` loads: reveal.js from node_modules at
 * `deck/vendor/`, and `governance-graph.js` from the sources while developing. The build copies
 * reveal.js next to the deck; `governance-graph.js` is the embed bundle built beside it.
 */
export function deckPlugin(): Plugin {
  return {
    name: 'governance-deck',
    configureServer(server) {
      server.middlewares.use((request, _response, next) => {
        const url = request.url ?? '';
        if (/^\/governance-graph(\.iife)?\.js(\?|$)/.test(url)) request.url = '/src/index.ts';
        else if (url.startsWith('/deck/vendor/')) request.url = `/@fs${REVEAL}/${url.slice('/deck/vendor/'.length).split('?')[0]}`;
        next();
      });
    },
    closeBundle() {
      cpSync(REVEAL, resolve('dist/deck/vendor'), { recursive: true, filter: (path) => !path.endsWith('.map') && !path.endsWith('.d.ts') });
    },
  };
}
