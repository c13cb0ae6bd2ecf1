import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { smallGraph } from './fixtures.js';

/** Runs `npm run validate -- files` and returns its output and exit code. */
function validate(...files: string[]): { output: string; code: number } {
  try {
    return { output: execFileSync('npx', ['tsx', 'scripts/validate.ts', ...files], { encoding: 'utf8' }), code: 0 };
  } catch (error) {
    const failed = error as { stdout: string; status: number };
    return { output: failed.stdout, code: failed.status };
  }
}

// each test starts the command line in a process of its own: seconds on a loaded machine, and no measure of speed
describe('npm run validate', { timeout: 30_000 }, () => {
  it('passes the built-in models', () => {
    const { output, code } = validate('graph-data/domestic.json', 'graph-data/foreign.json');
    expect(code).toBe(0);
    expect(output).toContain('graph-data/domestic.json: ok');
  });

  it('prints every problem of every file with its path, and exits 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'validate-'));
    const broken = smallGraph() as any;
    broken.nodes[0].sector = 'partty';
    broken.edges[1].target = 'dpet';
    writeFileSync(join(dir, 'broken.json'), JSON.stringify(broken));
    writeFileSync(join(dir, 'syntax.json'), '{ "id": "x", }');
    const { output, code } = validate(join(dir, 'broken.json'), join(dir, 'syntax.json'));
    expect(code).toBe(1);
    expect(output).toContain('broken.json: 2 problems');
    expect(output).toContain('$.nodes[0].sector: Unknown sector "partty". Did you mean "party"?');
    expect(output).toContain('$.edges[1].target: No actor has the id "dpet". Did you mean "dept"?');
    expect(output).toMatch(/syntax\.json is not valid JSON at line 1, column \d+/);
  });

  it('with --source, lists every quote not in the text with its path, and exits 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'validate-'));
    const graph = smallGraph();
    graph.edges[0].evidence = [{ quote: '在市委领导下,市政府负责' }];
    graph.edges[1].evidence = [{ quote: '市政府主导应急部门' }];
    writeFileSync(join(dir, 'model.json'), JSON.stringify(graph));
    writeFileSync(join(dir, 'article.txt'), '在市委领导下, 市政府负责全市防汛工作。');
    const { output, code } = validate(join(dir, 'model.json'), '--source', join(dir, 'article.txt'));
    expect(code).toBe(1);
    expect(output).toContain('model.json: 1 problem');
    expect(output).toContain('$.edges[1].evidence[0].quote: The quote is not in the source text: "市政府主导应急部门".');
    const zh = validate(join(dir, 'model.json'), '--source', join(dir, 'article.txt'), '--lang', 'zh');
    expect(zh.output).toContain('$.edges[1].evidence[0].quote: 原文中找不到这段引文');
  });
});
