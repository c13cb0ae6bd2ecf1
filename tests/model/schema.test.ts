import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAX_ACTORS, MAX_LABEL_LENGTH, MAX_RELATIONS } from '../../src/model/limits.js';
import { LEVEL_TYPES, RELATIONS, RELATION_TYPES, SECTOR_TYPES } from '../../src/model/vocabulary.js';

const schema = JSON.parse(readFileSync('graph-data/schema.json', 'utf8'));

describe('graph-data/schema.json', () => {
  it('is a JSON Schema 2020-12 document', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it('lists exactly the sectors, relations and levels the validator accepts', () => {
    expect(schema.$defs.actor.properties.sector.anyOf[0].enum).toEqual(SECTOR_TYPES);
    expect(schema.$defs.relation.properties.relation.anyOf[0].enum).toEqual(RELATION_TYPES);
    expect(schema.$defs.actor.properties.level.enum).toEqual(LEVEL_TYPES);
  });

  it('documents every field', () => {
    const undocumented: string[] = [];
    const visit = (node: any, path: string) => {
      for (const [key, value] of Object.entries<any>(node.properties ?? {})) {
        if (!value.description && !value.$ref) undocumented.push(`${path}.${key}`);
        visit(value, `${path}.${key}`);
      }
    };
    visit(schema, '$');
    for (const [name, def] of Object.entries(schema.$defs)) visit(def, `$defs.${name}`);
    expect(undocumented).toEqual([]);
  });

  it('is named by every graph file, and the comparison names its own schema', () => {
    for (const file of readdirSync('graph-data').filter((f) => f.endsWith('.json') && !f.includes('schema') && f !== 'layouts.json')) {
      const data = JSON.parse(readFileSync(`graph-data/${file}`, 'utf8'));
      expect(data.$schema, file).toBe('rows' in data ? './comparison.schema.json' : './schema.json');
    }
  });

  it('states the limits the validator enforces', () => {
    const label = schema.$defs.actor.properties.label.properties;
    for (const text of [label.zh, label.en, label.short.properties.zh, label.short.properties.en]) expect(text.maxLength).toBe(MAX_LABEL_LENGTH);
    expect(schema.properties.nodes.maxItems).toBe(MAX_ACTORS);
    expect(schema.properties.edges.maxItems).toBe(MAX_RELATIONS);
  });

  it('describes each relation with its Chinese verb', () => {
    const description: string = schema.$defs.relation.properties.relation.description;
    for (const [id, info] of Object.entries(RELATIONS)) expect(description).toContain(`${id} ${info.verb.zh}`);
  });
});
