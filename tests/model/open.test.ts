import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openFiles } from '../../src/model/open.js';
import { sheetKind } from '../../src/model/sheets.js';
import { smallGraph } from './fixtures.js';

const file = (name: string) => ({ name, text: readFileSync(`public/templates/${name}`, 'utf8') });

describe('opening files', () => {
  it('tells each sheet by its header, whatever the files are called', () => {
    expect(sheetKind(file('actors.csv').text)).toBe('actors');
    expect(sheetKind(file('relations.csv').text)).toBe('relations');
    expect(sheetKind(file('views.csv').text)).toBe('views');
    expect(sheetKind(file('steps.csv').text)).toBe('steps');
    expect(sheetKind('\uFEFF起点;终点;关系\r\n')).toBe('relations');
    expect(sheetKind('name,age\n')).toBeUndefined();
    // a misspelt column still tells the sheet, so that the import can say which column is missing
    expect(sheetKind('id,zh,en,sectr\n')).toBe('actors');
    expect(sheetKind('source,traget,relation\n')).toBe('relations');
  });

  it('opens the sheets, in any order, with the source text', () => {
    const { graph, source, problems } = openFiles([file('relations.csv'), file('source.txt'), file('relation-kinds.csv'), { ...file('actors.csv'), name: 'sheet1.csv' }, file('sectors.csv')], 'en');
    expect(problems).toEqual([]);
    expect(graph!.nodes).toHaveLength(9);
    expect(source!.name).toBe('source.txt');
  });

  it('opens a model JSON, and a source text alone', () => {
    expect(openFiles([{ name: 'm.json', text: JSON.stringify(smallGraph()) }], 'en').graph!.id).toBe('small');
    expect(openFiles([file('source.txt')], 'en')).toMatchObject({ graph: undefined, source: { name: 'source.txt' }, problems: [] });
  });

  it('takes nothing when anything is wrong, and says what', () => {
    const broken = smallGraph() as any;
    broken.edges[0].target = 'gvo';
    expect(openFiles([{ name: 'm.json', text: JSON.stringify(broken) }, file('source.txt')], 'en')).toEqual({
      problems: [{ path: 'm.json $.edges[0].target', message: 'No actor has the id "gvo". Did you mean "gov"?' }],
    });
    expect(openFiles([{ name: 'm.json', text: '{ "id": ' }], 'en').problems[0]).toMatchObject({ path: 'm.json', message: expect.stringContaining('not valid JSON') });
    expect(openFiles([file('actors.csv')], 'en').problems[0].message).toContain('The relations sheet is missing');
    expect(openFiles([file('actors.csv'), file('relations.csv'), { ...file('actors.csv'), name: 'copy.csv' }], 'zh').problems[0].message).toContain('同一种表打开了两个');
    expect(openFiles([{ name: 'report.pdf', text: '%PDF' }], 'en').problems[0]).toEqual({ path: 'report.pdf', message: expect.stringContaining('not a model file') });
    expect(openFiles([{ name: 'people.csv', text: 'name,age\n' }], 'en').problems[0].message).toContain('not that of any sheet');
  });
});
