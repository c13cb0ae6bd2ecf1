import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphError, fetchGraph, parseGraph } from '../../src/model/load.js';
import { smallGraph } from './fixtures.js';

describe('parseGraph', () => {
  it('returns the graph of a valid file', () => {
    expect(parseGraph(JSON.stringify(smallGraph()), 'small.json').nodes).toHaveLength(4);
  });

  it('gives the line and column of a JSON syntax error', () => {
    const text = '{\n  "id": "x",\n  "title": { "zh": "甲" "en": "A" }\n}';
    expect(() => parseGraph(text, 'bad.json')).toThrowError(/bad\.json is not valid JSON at line 3, column \d+/);
  });

  it('recognises an HTML page served instead of JSON', () => {
    expect(() => parseGraph('<!doctype html><title>404</title>', 'https://x/graph.json')).toThrowError(/is HTML, not JSON/);
  });

  it('lists the validation problems of a well-formed but wrong graph', () => {
    const graph = smallGraph() as any;
    graph.edges[0].target = 'nobody';
    try {
      parseGraph(JSON.stringify(graph), 'wrong.json');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(GraphError);
      expect((error as GraphError).message).toContain('wrong.json is not a valid graph (1 problem)');
      expect((error as GraphError).problems[0].path).toBe('$.edges[0].target');
    }
  });
});

describe('fetchGraph', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = createServer((request, response) => {
      if (request.url === '/small.json') response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(smallGraph()));
      else response.writeHead(404, { 'content-type': 'text/html' }).end('<html>not found</html>');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('loads a graph over HTTP', async () => {
    expect((await fetchGraph(`${base}/small.json`)).id).toBe('small');
  });

  it('reports the HTTP status of a missing file', async () => {
    await expect(fetchGraph(`${base}/missing.json`)).rejects.toThrowError(/HTTP 404/);
  });

  it('reports an unreachable server', async () => {
    await expect(fetchGraph('http://127.0.0.1:9/graph.json')).rejects.toThrowError(/Could not reach http:\/\/127\.0\.0\.1:9\/graph\.json/);
  });
});
