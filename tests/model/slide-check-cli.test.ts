import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Runs `npm run slide-check -- args` (it draws in headless Chromium) and returns what it printed and its exit code. */
function slideCheck(...args: string[]): { output: string; code: number } {
  const run = spawnSync('npx', ['tsx', 'scripts/slide-check.ts', ...args], { encoding: 'utf8' });
  return { output: run.stdout + run.stderr, code: run.status ?? -1 };
}

// a server and a browser per run: seconds, and no measure of speed
describe('npm run slide-check', { timeout: 90_000 }, () => {
  it('reports each view of a model against the goals, and names a file it cannot check with what to give instead, exiting 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'slide-check-'));
    writeFileSync(join(dir, 'broken.json'), '{ "nodes": [');
    writeFileSync(join(dir, 'invalid.json'), JSON.stringify({ id: 'x', title: { zh: '图', en: 'Graph' }, nodes: [], edges: [] }));
    // a chain twelve levels deep, one of its actors with a three-line label: too tall for large type
    const names = ['市政府', '发展改革委', '一个名称很长很长很长很长很长很长很长很长很长的协调机构', '财政部门', '住建部门', '水务部门', '应急管理部门', '涉灾部门', '街道', '社区', '小区', '楼栋'];
    const nodes = names.map((zh, i) => ({ id: `a${i}`, label: { zh, en: `Agency ${i}` }, sector: i === 0 ? 'government' : 'department' }));
    const edges = nodes.slice(1).map((node, i) => ({ id: `e${i}`, source: nodes[i].id, target: node.id, relation: 'directs' }));
    writeFileSync(join(dir, 'tall.json'), JSON.stringify({ id: 'tall', title: { zh: '长链', en: 'A long chain' }, nodes, edges }));
    const { output, code } = slideCheck(
      'no-such-model.json',
      join(dir, 'broken.json'),
      join(dir, 'invalid.json'),
      'graph-data/comparison.json',
      'graph-data/schema.json',
      'graph-data/layouts.json',
      'graph-data/foreign.json',
      join(dir, 'tall.json'),
      '--lang',
      'zh',
    );
    expect(code).toBe(1);
    expect(output).toContain('cannot read no-such-model.json: no such file. Give the path of a model JSON file');
    expect(output).toContain(`${join(dir, 'broken.json')} is not valid JSON`);
    // each named as the user gave it, never as the page's copy of it
    expect(output).toContain(`${join(dir, 'invalid.json')} is not a valid graph (1 problem). First: $.nodes: The graph has no actors`);
    expect(output).toContain(`\`npm run validate -- ${join(dir, 'invalid.json')}\` lists every problem.`);
    expect(output).not.toContain('/slide-check/');
    // another of the project's files than a model: said in one line, with what to give instead
    const lines = (name: string) => output.split('\n').filter((line) => line.includes(name));
    expect(lines('comparison.json')).toEqual(['slide-check: graph-data/comparison.json is a comparison file (the table and counterparts of two models), not a model: give a model file instead, such as graph-data/domestic.json.']);
    expect(lines('schema.json')).toEqual([expect.stringMatching(/^slide-check: graph-data\/schema\.json is a JSON Schema .*, not a model: give a model file instead/)]);
    expect(lines('layouts.json')).toEqual([expect.stringMatching(/^slide-check: graph-data\/layouts\.json is a layouts file .*, not a model: give a model file instead/)]);
    expect(output).toMatch(/✓ \(whole model\) · zh: 6 actors, labels \d+\.\d px, 0 overlapping/);
    // what keeps the type small, and what to shorten, named as on the slide
    expect(output).toMatch(/labels \d+\.\d px \(want ≥ 18\): the graph is as tall as the slide allows, in 12 rows, and "一个名称很长很长很长很长很长很长很长很长很长的协调机构" is its tallest actor: shorter labels for it/);
    expect(output).toContain('6 file(s) could not be checked.');
    // a message, not a stack trace
    expect(output).not.toMatch(/\n\s+at /);
  });

  it('agrees with the browser test on the built-in models: every view, in both languages, meets the goals on a projected slide', () => {
    const files = ['graph-data/domestic.json', 'graph-data/foreign.json'];
    const { output, code } = slideCheck(...files);
    expect(code, output).toBe(0);
    expect(output).toContain('Every slide meets the goals.');
    // one passing line per view (a model without views: the whole model) and language
    const views = files.map((file) => (JSON.parse(readFileSync(file, 'utf8')) as { views?: unknown[] }).views?.length || 1);
    expect(output.split('\n').filter((line) => /^\s+✓ .* · (zh|en): \d+ actors, labels \d+\.\d px/.test(line))).toHaveLength(2 * views.reduce((a, b) => a + b));
    expect(output).not.toContain('✗');
  }, 300_000);
});
