import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_FILE_SIZE } from '../../src/model/limits.js';
import { GraphError, fetchGraph, parseGraph } from '../../src/model/load.js';
import { smallGraph } from './fixtures.js';

/** Answers that go wrong in the ways a real server or network can. */
const routes: Record<string, (response: ServerResponse) => void> = {
  '/silent.json': () => undefined,
  '/cut.json': (response) => {
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': '5000' });
    response.write('{"id": "small", "nodes": [');
    setTimeout(() => response.socket?.destroy(), 20);
  },
  '/endless.json': (response) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    const piece = Buffer.alloc(1024 * 1024, ' ');
    const more = () => {
      while (response.write(piece));
      response.once('drain', more);
    };
    more();
    response.once('close', () => response.removeAllListeners('drain'));
  },
  '/bomb.json': (response) => {
    response.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
    response.end(gzipSync(Buffer.alloc(MAX_FILE_SIZE + 1024, ' ')));
  },
  '/declared.json': (response) => {
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': String(MAX_FILE_SIZE * 4) });
    response.write('{');
  },
  '/loop.json': (response) => response.writeHead(302, { location: '/loop.json' }).end(),
};

describe('loading a file that never comes, never ends or breaks off', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = createServer((request, response) => {
      const route = routes[request.url ?? ''];
      if (route) route(response);
      else response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('gives up on a server that never answers, naming the URL and the time waited', async () => {
    await expect(fetchGraph(`${base}/silent.json`, undefined, { timeout: 200 })).rejects.toThrowError(`${base}/silent.json did not arrive within 0.2 s`);
  });

  it('names the URL and the cause when the connection breaks in the middle of the file', async () => {
    const error = await fetchGraph(`${base}/cut.json`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphError);
    expect((error as Error).message).toMatch(new RegExp(`^The connection broke while ${base}/cut\\.json was loading \\(.+\\): try again`));
  });

  it('stops reading an endless file at the size limit', async () => {
    await expect(fetchGraph(`${base}/endless.json`)).rejects.toThrowError(`${base}/endless.json is over 10 MB, larger than the 10 MB a graph file may have`);
  });

  it('stops unpacking a compressed file at the size limit', async () => {
    await expect(fetchGraph(`${base}/bomb.json`)).rejects.toThrowError(/bomb\.json is over 10 MB, larger than the 10 MB/);
  });

  it('refuses a file whose declared size is over the limit without reading it', async () => {
    await expect(fetchGraph(`${base}/declared.json`)).rejects.toThrowError(/declared\.json is 40 MB, larger than the 10 MB/);
  });

  it('reports a redirect loop as one, not as a refused request', async () => {
    await expect(fetchGraph(`${base}/loop.json`)).rejects.toThrowError(/loop\.json: it redirects, and the redirects could not be followed \(a redirect loop/);
  });

  it('reports an abort by the caller as an abort, not as a problem of the file', async () => {
    const request = new AbortController();
    const loading = fetchGraph(`${base}/silent.json`, request.signal);
    request.abort();
    await expect(loading).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('parseGraph', () => {
  it(`refuses a text of more than ${MAX_FILE_SIZE / 1024 / 1024} MB before parsing it`, () => {
    expect(() => parseGraph(' '.repeat(MAX_FILE_SIZE + 1), 'big.json')).toThrowError(/^big\.json is over 10 MB, larger than the 10 MB a graph file may have: split it/);
  });

  it('names a long data: URL by its start only', () => {
    const where = `data:application/json,${'x'.repeat(1_000_000)}`;
    try {
      parseGraph('{', where);
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message.length).toBeLessThan(400);
      expect((error as Error).message).toMatch(/^data:application\/json,x+… is not valid JSON/);
    }
  });

  it('still accepts a valid file', () => {
    expect(parseGraph(JSON.stringify(smallGraph()), 'small.json').id).toBe('small');
  });
});
