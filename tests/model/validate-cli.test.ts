import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { smallGraph } from './fixtures.js';

/** Runs `npm run validate -- files` and returns its output and exit code. */
function validate(...files: string[]): { output: string; code: number } {
  try {
    return { output: execFileSync('npx', ['tsx', 'scripts/validate.ts', ...files], { encoding: 'utf8' }), code: 0 };
  } catch (error) {
    const failed = error as { stdout: string; stderr: string; status: number };
    return { output: failed.stdout + failed.stderr, code: failed.status };
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

  it('says every line in Chinese with --lang zh, a broken file with its line, column and hint', () => {
    const dir = mkdtempSync(join(tmpdir(), 'validate-'));
    writeFileSync(join(dir, 'syntax.json'), '{ "id": "x", }');
    writeFileSync(join(dir, 'page.json'), '<!doctype html><p>Not found</p>');
    const broken = smallGraph() as any;
    broken.nodes[0].sector = 'partty';
    writeFileSync(join(dir, 'broken.json'), JSON.stringify(broken));
    const failed = validate(join(dir, 'syntax.json'), join(dir, 'page.json'), join(dir, 'broken.json'), join(dir, 'missing.json'), '--lang', 'zh');
    expect(failed.code).toBe(1);
    expect(failed.output).toMatch(/syntax\.json 不是有效的 JSON\(第 1 行第 \d+ 列\):.*请检查该处是否缺少逗号、引号或括号。/);
    expect(failed.output).toContain('page.json 是 HTML 而不是 JSON');
    expect(failed.output).toContain('broken.json:1 个问题');
    expect(failed.output).toContain('missing.json:无法读取:');
    const ok = validate('graph-data/domestic.json', 'graph-data/comparison.json', '--lang', 'zh');
    expect(ok.output).toMatch(/graph-data\/domestic\.json:有效\(\d+ 个主体、\d+ 条关系、\d+ 个视图\)/);
    expect(ok.output).toContain('graph-data/comparison.json:有效(比较表)');
    const comparison = JSON.parse(readFileSync('graph-data/comparison.json', 'utf8'));
    comparison.right = 'foriegn';
    writeFileSync(join(dir, 'comparison.json'), JSON.stringify(comparison));
    expect(validate(join(dir, 'comparison.json'), '--lang', 'zh').output).toContain('$.right: 没有 id 为 "foriegn" 的模型。是否想写 "foreign"?');
    expect(validate('--lang', 'zh').output).toContain('用法:npm run validate');
  });
});
