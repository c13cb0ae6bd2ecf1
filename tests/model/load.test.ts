import { readFileSync } from 'node:fs';
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

  it('says in one line, in either language, that the comparison, a JSON Schema or the layouts file is no model, and what to give instead', () => {
    const file = (name: string) => readFileSync(`graph-data/${name}`, 'utf8');
    const refused = (name: string, lang: 'zh' | 'en') => {
      try {
        parseGraph(file(name), name, lang);
      } catch (error) {
        return error as GraphError;
      }
      return expect.unreachable();
    };
    const comparison = refused('comparison.json', 'en');
    expect(comparison.kind).toBe('notModel');
    expect(comparison.message).toBe('comparison.json is a comparison file (the table and counterparts of two models), not a model: give a model file instead, such as graph-data/domestic.json.');
    expect(comparison.problems).toHaveLength(1);
    expect(refused('comparison.json', 'zh').message).toBe('comparison.json 是比较文件(两个模型的比较表和对应主体),不是模型:请改用模型文件,如 graph-data/domestic.json。');
    expect(refused('schema.json', 'en').message).toMatch(/is a JSON Schema .*, not a model: give a model file instead/);
    expect(refused('comparison.schema.json', 'zh').message).toMatch(/是一份 JSON Schema.*不是模型/);
    expect(refused('layouts.json', 'en').message).toMatch(/is a layouts file .*, not a model: give a model file instead/);
    // a model, however broken, is told what is wrong with it
    const broken = { ...smallGraph(), rows: [], counterparts: [], layouts: {}, nodes: 'none' };
    expect(() => parseGraph(JSON.stringify(broken), 'broken.json')).toThrowError(/broken\.json is not a valid graph/);
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
