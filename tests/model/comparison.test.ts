import { describe, expect, it } from 'vitest';
import { BUILTIN_COMPARISON, BUILTIN_MODELS } from '../../src/model/builtin.js';
import { validateComparison } from '../../src/model/comparison.js';

const broken = (change: (c: any) => void) => {
  const copy = structuredClone(BUILTIN_COMPARISON) as any;
  change(copy);
  return validateComparison(copy, BUILTIN_MODELS);
};

describe('the built-in comparison', () => {
  it('is valid against the domestic and foreign models', () => {
    expect(validateComparison(BUILTIN_COMPARISON, BUILTIN_MODELS)).toEqual([]);
  });

  it('has a row for each dimension of the source table: function, goal, promotion mechanism, way of construction, collaboration features', () => {
    const dimensions = BUILTIN_COMPARISON.rows.filter((r) => r.kind === 'dimension').map((r) => r.dimension.zh);
    expect(dimensions).toEqual(['功能', '目标', '推进机制', '建设方式', '协同特征']);
  });

  it('says "not stated" where the text is silent about the foreign model, instead of inventing', () => {
    const silent = BUILTIN_COMPARISON.rows.filter((r) => 'notStated' in r.right).map((r) => r.id);
    expect(silent).toEqual(expect.arrayContaining(['function', 'goal', 'overall-plans', 'regional-scope']));
  });

  it("marks pairings the text does not draw itself as the author's reading", () => {
    const read = BUILTIN_COMPARISON.counterparts.filter((group) => group.basis === 'inferred');
    expect(read.map((group) => group.right)).toEqual(expect.arrayContaining([['city-government'], ['market']]));
    for (const group of read) expect(group.note, group.label.en).toBeDefined();
  });

  it('contrasts the national push with city-level promotion abroad', () => {
    const level = BUILTIN_COMPARISON.rows.find((r) => r.id === 'level')!;
    expect('text' in level.left && level.left.text.en).toMatch(/National/);
    expect('text' in level.right && level.right.text.en).toMatch(/City or metropolitan/);
  });
});

describe('validateComparison', () => {
  it('rejects a stated cell without a quote', () => {
    expect(broken((c) => (c.rows[2].right.evidence = []))).toEqual([{ path: '$.rows[2].right.evidence', message: expect.stringContaining('notStated') }]);
  });

  it('names a counterpart that is no actor of its model, with a suggestion', () => {
    expect(broken((c) => (c.counterparts[0].right[0] = 'city-goverment'))).toEqual([
      { path: '$.counterparts[0].right[0]', message: expect.stringContaining('Did you mean "city-government"?') },
    ]);
  });

  it('refuses an inferred pairing without a note', () => {
    expect(broken((c) => Object.assign(c.counterparts[1], { basis: 'inferred' }))).toEqual([{ path: '$.counterparts[1].note', message: expect.stringContaining('needs a "note"') }]);
  });

  it('names an unknown model', () => {
    expect(broken((c) => (c.right = 'foriegn')).map((p) => p.path)).toEqual(['$.right']);
  });

  it('says every problem in Chinese or English, as the reader asks', () => {
    const copy = structuredClone(BUILTIN_COMPARISON) as any;
    copy.right = 'foriegn';
    copy.rows[2].right.evidence = [];
    copy.counterparts[0].left[0] = 'city-goverment';
    expect(validateComparison(copy, BUILTIN_MODELS, { lang: 'zh' })).toEqual([
      { path: '$.right', message: '没有 id 为 "foriegn" 的模型。是否想写 "foreign"?' },
      { path: '$.rows[2].right.evidence', message: '有内容的单元格至少需要一段原文引文;原文未说明时写 { "notStated": true }。' },
      { path: '$.counterparts[0].left[0]', message: '左侧模型 "domestic" 没有主体 "city-goverment"。是否想写 "city-gov"?' },
    ]);
    expect(validateComparison(copy, BUILTIN_MODELS).map((p) => p.message)).toEqual([
      'No model has the id "foriegn". Did you mean "foreign"?',
      'A stated cell needs at least one quote of the source; if the source says nothing, use { "notStated": true }.',
      'The left model "domestic" has no actor "city-goverment". Did you mean "city-gov"?',
    ]);
    expect(validateComparison([], BUILTIN_MODELS, { lang: 'zh' })).toEqual([{ path: '$', message: '应为含 "left"、"right"、"rows" 和 "counterparts" 的比较对象。' }]);
  });
});
