import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SHEET_COLUMNS } from '../../src/model/sheets.js';
import { validateGraph } from '../../src/model/validate.js';
import { LEVEL_TYPES, RELATIONS, RELATION_TYPES } from '../../src/model/vocabulary.js';

const doc = readFileSync('docs/data-format.md', 'utf8');

describe('docs/data-format.md', () => {
  it('has an example that validates', () => {
    const example = /```json\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(example).toBeDefined();
    expect(validateGraph(JSON.parse(example!)).problems).toEqual([]);
  });

  it('documents every relation with its Chinese verb and meaning', () => {
    for (const id of RELATION_TYPES) {
      expect(doc).toContain(`| \`${id}\` | ${RELATIONS[id].verb.zh} |`);
      expect(doc).toContain(RELATIONS[id].meaning.en);
    }
  });

  it("documents every level, with China's county, township and village and the state, metropolitan and municipal levels of other countries", () => {
    for (const level of ['provincial', 'county', 'township', 'village', 'state', 'metropolitan', 'municipal']) expect(LEVEL_TYPES).toContain(level);
    const line = doc.split('\n- `level`')[1]?.split('\n- ')[0] ?? '';
    for (const level of LEVEL_TYPES) expect(line).toContain(`\`${level}\``);
  });

  it('documents every column of the spreadsheets, with its Chinese headers', () => {
    const section = doc.split('## From a spreadsheet')[1].split('\n## ')[0];
    for (const columns of Object.values(SHEET_COLUMNS)) {
      for (const [name, aliases] of Object.entries(columns)) {
        expect(section).toContain(`\`${name}\``);
        for (const alias of aliases) expect(section).toContain(alias);
      }
    }
  });
});
