import { describe, expect, it } from 'vitest';
import { BUILTIN_MODELS } from '../../src/model/builtin.js';
import { MAX_ACTORS, validateGraph } from '../../src/model/validate.js';
import { smallGraph } from './fixtures.js';

/** Validates a copy of the small graph after `breakIt` changed it; returns the problems. */
function problemsAfter(breakIt: (graph: any) => void) {
  const graph = structuredClone(smallGraph()) as any;
  breakIt(graph);
  return validateGraph(graph).problems;
}

describe('validateGraph', () => {
  it('accepts a correct graph and both built-in models', () => {
    expect(validateGraph(smallGraph())).toEqual({ graph: smallGraph(), problems: [] });
    for (const graph of Object.values(BUILTIN_MODELS)) expect(validateGraph(graph).problems).toEqual([]);
  });

  it('names an edge end that is no actor, and suggests the closest id', () => {
    const problems = problemsAfter((g) => (g.edges[1].target = 'dpet'));
    expect(problems).toHaveLength(1);
    expect(problems[0].path).toBe('$.edges[1].target');
    expect(problems[0].message).toContain('"dpet"');
    expect(problems[0].message).toContain('Did you mean "dept"?');
  });

  it("refuses an inferred relation without a note on what the reading rests on, and an unknown basis", () => {
    expect(problemsAfter((g) => (g.edges[0].basis = 'inferred'))).toEqual([{ path: '$.edges[0].note', message: expect.stringContaining('needs a "note"') }]);
    expect(problemsAfter((g) => (g.edges[0].basis = 'infered'))).toEqual([{ path: '$.edges[0].basis', message: expect.stringContaining('Did you mean "inferred"?') }]);
    expect(problemsAfter((g) => Object.assign(g.edges[0], { basis: 'inferred', note: { zh: '解读' } }))).toEqual([{ path: '$.edges[0].note.en', message: expect.stringContaining('no English text') }]);
  });

  it('accepts an inferred relation with a note in one text or in both languages', () => {
    expect(problemsAfter((g) => Object.assign(g.edges[0], { basis: 'inferred', note: 'background knowledge' }))).toEqual([]);
    expect(problemsAfter((g) => Object.assign(g.edges[0], { basis: 'inferred', note: { zh: '背景知识', en: 'background knowledge' } }))).toEqual([]);
  });

  it('reports a duplicate actor id at the second occurrence', () => {
    const problems = problemsAfter((g) => (g.nodes[2].id = 'gov'));
    expect(problems.map((p) => p.path)).toContain('$.nodes[2].id');
    expect(problems.find((p) => p.path === '$.nodes[2].id')?.message).toMatch(/Duplicate node id "gov"/);
  });

  it('reports a duplicate edge id', () => {
    const problems = problemsAfter((g) => (g.edges[1].id = 'party-leads-gov'));
    expect(problems).toEqual([{ path: '$.edges[1].id', message: expect.stringContaining('Duplicate id "party-leads-gov"') }]);
  });

  it('reports a label missing its English or Chinese text', () => {
    expect(problemsAfter((g) => delete g.nodes[0].label.en)).toEqual([{ path: '$.nodes[0].label.en', message: expect.stringContaining('no English text') }]);
    expect(problemsAfter((g) => (g.nodes[1].label.zh = '  '))).toEqual([{ path: '$.nodes[1].label.zh', message: expect.stringContaining('no Chinese text') }]);
  });

  it('rejects an unknown sector, suggesting the intended one and listing the valid ones', () => {
    const [problem] = problemsAfter((g) => (g.nodes[2].sector = 'departmnet'));
    expect(problem.path).toBe('$.nodes[2].sector');
    expect(problem.message).toContain('Did you mean "department"?');
    expect(problem.message).toContain('party, government');
  });

  it('rejects an unknown relation, suggesting the intended one', () => {
    const [problem] = problemsAfter((g) => (g.edges[0].relation = 'lead'));
    expect(problem.path).toBe('$.edges[0].relation');
    expect(problem.message).toContain('Did you mean "leads"?');
  });

  it('rejects an edge from an actor to itself', () => {
    const problems = problemsAfter((g) => (g.edges[0].target = 'party'));
    expect(problems).toEqual([{ path: '$.edges[0].target', message: expect.stringContaining('to itself') }]);
  });

  it('rejects a view naming an actor that does not exist', () => {
    const problems = problemsAfter((g) => g.views[0].actors.push('publik'));
    expect(problems).toEqual([{ path: '$.views[0].actors[2]', message: expect.stringContaining('Did you mean "public"?') }]);
  });

  it('reports a misspelt field with a suggestion instead of ignoring it', () => {
    const problems = problemsAfter((g) => {
      g.nodes[0].lable = g.nodes[0].label;
    });
    expect(problems).toEqual([{ path: '$.nodes[0].lable', message: expect.stringContaining('Did you mean "label"?') }]);
  });

  it('rejects a source link that is not http or https', () => {
    const problems = problemsAfter((g) => (g.source = { title: { zh: '文', en: 'Text' }, url: 'javascript:alert(1)' }));
    expect(problems).toEqual([{ path: '$.source.url', message: expect.stringContaining('http') }]);
  });

  it('explains what a graph is when given something else', () => {
    expect(validateGraph([]).problems).toEqual([{ path: '$', message: expect.stringContaining('found an array') }]);
    expect(validateGraph('text').problems[0].message).toContain('found string');
    expect(validateGraph(null).problems[0].path).toBe('$');
  });

  it('rejects a graph without actors and one too large to draw', () => {
    expect(problemsAfter((g) => (g.nodes = [])).map((p) => p.path)).toContain('$.nodes');
    const tooMany = problemsAfter((g) => {
      g.nodes = Array.from({ length: MAX_ACTORS + 1 }, (_, i) => ({ id: `a${i}`, label: { zh: '甲', en: 'A' }, sector: 'society' }));
      g.edges = [];
      g.views = [];
    });
    expect(tooMany).toEqual([{ path: '$.nodes', message: expect.stringContaining('split it into views') }]);
  });

  it('reports every problem at once, not just the first', () => {
    const problems = problemsAfter((g) => {
      g.nodes[0].sector = 'x';
      g.edges[0].relation = 'y';
      delete g.title.en;
    });
    expect(problems.map((p) => p.path).sort()).toEqual(['$.edges[0].relation', '$.nodes[0].sector', '$.title.en']);
  });
});

describe('validateGraph on presentation steps', () => {
  const withSteps = (steps: unknown) => {
    const graph = structuredClone(smallGraph()) as any;
    graph.views[0].steps = steps;
    return validateGraph(graph).problems;
  };

  it('accepts steps that build a view from its own actors', () => {
    expect(withSteps([{ caption: { zh: '领导', en: 'Leadership' }, actors: ['party'] }, { caption: { zh: '政府', en: 'Government' }, actors: ['gov'], emphasis: ['party', 'gov'] }])).toEqual([]);
  });

  it('rejects a step showing an actor outside its view', () => {
    expect(withSteps([{ caption: { zh: '部门', en: 'Department' }, actors: ['dept'] }])).toEqual([
      { path: '$.views[0].steps[0].actors[0]', message: expect.stringContaining('not an actor of this view') },
    ]);
  });

  it('asks for a caption in both languages', () => {
    expect(withSteps([{ caption: { zh: '领导' }, actors: ['party'] }])).toEqual([{ path: '$.views[0].steps[0].caption.en', message: expect.stringContaining('no English text') }]);
  });
});

describe('validation messages in the reader\'s language', () => {
  it('writes every problem in Chinese when asked, with the same paths', () => {
    const broken = smallGraph() as any;
    broken.nodes[0].sector = 'partty';
    broken.nodes[1].label.en = ' ';
    broken.edges[1].target = 'dpet';
    broken.edges[0].basis = 'inferred';
    broken.nodes[2].id = 'constructor';
    const en = validateGraph(broken).problems;
    const zh = validateGraph(broken, { lang: 'zh' }).problems;
    expect(zh.map((p) => p.path)).toEqual(en.map((p) => p.path));
    expect(zh).toEqual(
      expect.arrayContaining([
        { path: '$.nodes[0].sector', message: expect.stringContaining('未知的主体类型 "partty"。是否想写 "party"?可用:party, government') },
        { path: '$.nodes[1].label.en', message: '标签缺少英文文本:请添加 "en": "…"。' },
        { path: '$.edges[0].note', message: expect.stringContaining('作者解读的关系需要 "note"') },
      ]),
    );
    // no English sentence is left in the Chinese messages
    for (const { message } of zh) expect(message).not.toMatch(/\b(The|Unknown|Did you mean|must|needs)\b/);
  });
});
