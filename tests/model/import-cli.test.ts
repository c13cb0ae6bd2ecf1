import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateGraph } from '../../src/model/validate.js';

/** Runs `npm run import -- args` and returns its output and exit code. */
function runImport(...args: string[]): { output: string; code: number } {
  try {
    return { output: execFileSync('npx', ['tsx', 'scripts/import.ts', ...args], { encoding: 'utf8' }), code: 0 };
  } catch (error) {
    const failed = error as { stdout: string; stderr: string; status: number };
    return { output: failed.stdout + failed.stderr, code: failed.status };
  }
}

// each test starts the command line in a process of its own: seconds on a loaded machine
describe('npm run import', { timeout: 30_000 }, () => {
  it('writes the template as a valid model JSON', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'import-')), 'model.json');
    const t = 'public/templates';
    const { output, code } = runImport(`${t}/actors.csv`, `${t}/relations.csv`, `${t}/views.csv`, `${t}/steps.csv`, `${t}/sectors.csv`, `${t}/relation-kinds.csv`, '-o', out, '--id', 'county-flood', '--title-zh', '某县防汛治理', '--title-en', 'County flood control');
    expect(code).toBe(0);
    expect(output).toContain('written (9 actors, 8 relations, 1 views)');
    const model = JSON.parse(readFileSync(out, 'utf8'));
    expect(model).toMatchObject({ id: 'county-flood', title: { zh: '某县防汛治理', en: 'County flood control' } });
    expect(validateGraph(model).problems).toEqual([]);
  });

  it('lists every problem by file, row and column, in the language asked for, and exits 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'import-'));
    writeFileSync(join(dir, 'actors.csv'), 'id,zh,en,sector\ndept,水务局,Water Bureau,department\ngov,市政府,Government,goverment\n');
    writeFileSync(join(dir, 'relations.csv'), 'source,target,relation\ngov,dept,directs\ngov,dpet,directs\n');
    const { output, code } = runImport(join(dir, 'actors.csv'), join(dir, 'relations.csv'));
    expect(code).toBe(1);
    expect(output).toContain('2 problems');
    expect(output).toContain('actors.csv row 3, column sector: Unknown sector "goverment". Did you mean "government"?');
    expect(output).toContain('relations.csv row 3, column target: No actor has the id "dpet". Did you mean "dept"?');
    const zh = runImport(join(dir, 'actors.csv'), join(dir, 'relations.csv'), '--lang', 'zh');
    expect(zh.code).toBe(1);
    expect(zh.output).toContain('relations.csv 第 3 行 “target”列: 没有 id 为 "dpet" 的主体。是否想写 "dept"?');
  });

  it("reads the template's views, steps, and the sectors and relation kinds its actors and relations use", () => {
    const t = 'public/templates';
    const out = join(mkdtempSync(join(tmpdir(), 'import-')), 'model.json');
    const { output, code } = runImport(`${t}/actors.csv`, `${t}/relations.csv`, `${t}/relation-kinds.csv`, `${t}/steps.csv`, `${t}/sectors.csv`, `${t}/views.csv`, '-o', out);
    expect(code).toBe(0);
    expect(output).toContain('1 views');
    const model = JSON.parse(readFileSync(out, 'utf8'));
    expect(model.vocabulary.relations.map((r: { id: string }) => r.id)).toEqual(['assists']);
    expect(model.vocabulary.sectors.map((s: { id: string }) => s.id)).toEqual(['grassroots']);
    expect(validateGraph(model).problems).toEqual([]);
    const unknown = runImport(`${t}/actors.csv`, `${t}/relations.csv`, `${t}/source.txt`);
    expect(unknown.code).toBe(1);
    expect(unknown.output).toContain('source.txt: The header (row 1) is not that of any sheet');
  });

  it('tells every sheet apart by its header, in any order, as public/templates/*.csv gives them', () => {
    const t = 'public/templates';
    const out = join(mkdtempSync(join(tmpdir(), 'import-')), 'model.json');
    const names = ['relations', 'views', 'relation-kinds', 'actors', 'steps', 'sectors'].map((name) => `${t}/${name}.csv`);
    const { output, code } = runImport(...names, '-o', out);
    expect(code).toBe(0);
    expect(output).toContain('written (9 actors, 8 relations, 1 views)');
    const model = JSON.parse(readFileSync(out, 'utf8'));
    expect(model.id).toBe('my-model');
    expect(model.vocabulary.sectors.map((s: { id: string }) => s.id)).toEqual(['grassroots']);
    expect(validateGraph(model).problems).toEqual([]);
    const noActors = runImport(`${t}/relations.csv`, `${t}/views.csv`, '--lang', 'zh');
    expect(noActors.code).toBe(1);
    expect(noActors.output).toContain('还缺主体表');
  });

  it('says an Excel workbook is one, and how to save its sheets as CSV', () => {
    const dir = mkdtempSync(join(tmpdir(), 'import-'));
    // an .xlsx file is a ZIP archive: its first bytes are PK\x03\x04, then binary data
    writeFileSync(join(dir, 'model.xlsx'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0xff, 0xfe, 0x80]));
    const { output, code } = runImport(join(dir, 'model.xlsx'), 'public/templates/relations.csv');
    expect(code).toBe(1);
    expect(output).toContain('model.xlsx: This is an Excel workbook, not a CSV sheet: save each sheet as CSV (File → Save as → CSV UTF-8).');
    expect(runImport(join(dir, 'model.xlsx'), 'public/templates/relations.csv', '--lang', 'zh').output).toContain('这是 Excel 工作簿,不是 CSV:请把每张工作表分别另存为 CSV(文件 → 另存为 → CSV UTF-8)。');
  });

  it('says in one line when the output cannot be written, and how to fix it', () => {
    const t = 'public/templates';
    const out = join(mkdtempSync(join(tmpdir(), 'import-')), 'no-such-folder', 'm.json');
    const { output, code } = runImport(`${t}/actors.csv`, `${t}/relations.csv`, `${t}/sectors.csv`, `${t}/relation-kinds.csv`, '-o', out);
    expect(code).toBe(1);
    expect(output.trim().split('\n')).toEqual([expect.stringMatching(/m\.json: cannot write \(ENOENT.*\): check that its folder exists and may be written to, or give another path with -o\.$/)]);
  });
});
