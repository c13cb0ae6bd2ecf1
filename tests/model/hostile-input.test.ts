import { describe, expect, it } from 'vitest';
import { BUILTIN_MODELS, builtinModel } from '../../src/model/builtin.js';
import { compareModels } from '../../src/model/compare.js';
import { MAX_ACTORS, MAX_LABEL_LENGTH, MAX_RELATIONS } from '../../src/model/limits.js';
import { clip, quoted } from '../../src/model/text.js';
import { connectingChains, longestChain, traceActor } from '../../src/model/trace.js';
import { MAX_SUGGESTED_LENGTH, MAX_SUGGESTIONS, closest, validateGraph } from '../../src/model/validate.js';
import { DAGRE_MAX_RELATIONS, FAST_LAYOUT_THRESHOLD, fitsDagre } from '../../src/render/layout.js';
import { knownPlacement } from '../../src/render/placement.js';
import { smallGraph } from './fixtures.js';

/** Validates a copy of the small graph after `breakIt` changed it; returns the problems. */
function problemsAfter(breakIt: (graph: any) => void) {
  const graph = structuredClone(smallGraph()) as any;
  breakIt(graph);
  return validateGraph(graph).problems;
}

/** A valid graph of `count` society actors, none related. */
function actors(count: number, id = (i: number) => `actor-${i}`) {
  return Array.from({ length: count }, (_, i) => ({ id: id(i), label: { zh: `主体${i}`, en: `Actor ${i}` }, sector: 'society' }));
}

const PROTOTYPE_NAMES = ['constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty'];

describe('names every JavaScript object has', () => {
  it('find no built-in model', () => {
    for (const name of PROTOTYPE_NAMES) expect(builtinModel(name)).toBeUndefined();
    expect(builtinModel('domestic')).toBe(BUILTIN_MODELS.domestic);
  });

  it('are refused as actor and relation ids, with the path and another name to use', () => {
    for (const name of PROTOTYPE_NAMES) {
      const problems = problemsAfter((g) => {
        g.nodes[0].id = name;
        g.edges[0].source = name;
        g.views = [];
        g.edges[1].id = name === '__proto__' ? 'constructor' : '__proto__';
      });
      expect(problems.map((p) => p.path)).toEqual(expect.arrayContaining(['$.nodes[0].id', '$.edges[1].id']));
      expect(problems.find((p) => p.path === '$.nodes[0].id')!.message).toContain(`choose another, e.g. "${name}-1"`);
    }
  });

  it('can be traced for without finding a built-in', () => {
    const graph = smallGraph();
    for (const name of PROTOTYPE_NAMES) expect(() => traceActor(graph, name)).toThrowError(new RegExp(`no actor "${name}" to trace`));
  });
});

describe('"did you mean" is bounded work, whatever the input', () => {
  it(`suggests for the first ${MAX_SUGGESTIONS} unknown ids of a file, not for each of a thousand`, () => {
    const nodes = actors(MAX_ACTORS);
    const edges = Array.from({ length: 1000 }, (_, i) => ({ id: `r${i}`, source: `actor-${i}`, target: `actro-${i + 1}`, relation: 'leads' }));
    const { problems } = validateGraph({ ...smallGraph(), views: [], nodes, edges });
    expect(problems).toHaveLength(1000);
    expect(problems.filter((p) => p.message.includes('Did you mean'))).toHaveLength(MAX_SUGGESTIONS);
    expect(problems[0].message).toContain('Did you mean "actor-1"?');
  });

  it(`does not compare texts over ${MAX_SUGGESTED_LENGTH} characters: a 10 kB id with a typo gets no suggestion`, () => {
    const long = 'x'.repeat(10_000);
    expect(closest(`${long}y`, [`${long}z`])).toBeUndefined();
    expect(closest('x'.repeat(MAX_SUGGESTED_LENGTH + 1), ['x'.repeat(MAX_SUGGESTED_LENGTH)])).toBeUndefined();
    expect(closest(`${'x'.repeat(MAX_SUGGESTED_LENGTH - 1)}y`, ['x'.repeat(MAX_SUGGESTED_LENGTH)])).toBe('x'.repeat(MAX_SUGGESTED_LENGTH));
  });

  it('still suggests for typos, missing letters and longer spellings', () => {
    expect(closest('dpet', ['dept', 'gov'])).toBe('dept');
    expect(closest('departmnet', ['department', 'party'])).toBe('department');
    expect(closest('city-goverment', ['city-gov', 'city-party'])).toBe('city-gov');
    expect(closest('lead', ['leads', 'directs'])).toBe('leads');
  });

  it('suggests nothing for markup or other text that is no typo of an id', () => {
    const ids = ['cfeac', 'party', 'gov', 'dept'];
    expect(closest('<img src=x onerror=alert(1)>', ids)).toBeUndefined();
    expect(closest('<script>alert(1)</script>', ids)).toBeUndefined();
    expect(closest('xy', ['ab'])).toBeUndefined();
  });
});

describe('messages repeat values in part', () => {
  it('cuts a value to 80 characters with an ellipsis, and never inside a character', () => {
    expect(quoted('a'.repeat(2_000_000))).toHaveLength(82);
    expect(quoted('a'.repeat(2_000_000)).endsWith('…"')).toBe(true);
    expect(clip('😀'.repeat(100))).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  it('a 2 MB sector is named in under 300 characters', () => {
    const [problem] = problemsAfter((g) => (g.nodes[1].sector = 's'.repeat(2 * 1024 * 1024)));
    expect(problem.path).toBe('$.nodes[1].sector');
    expect(problem.message.length).toBeLessThan(300);
  });

  it('an unknown trace of 1.5 MB is named in part', () => {
    expect(() => traceActor(smallGraph(), 'q'.repeat(1_500_000))).toThrowError(/^The model "small" has no actor "q{79}…" to trace\.$/);
  });

  it('shows invisible and control characters as escapes, so they cannot reorder the message', () => {
    expect(quoted('a\u202Eb\u0000c')).toBe('"a\\u202Eb\\u0000c"');
  });
});

describe('stated limits', () => {
  it(`refuses more than ${MAX_RELATIONS} relations, naming the limit, and checks nothing else`, () => {
    const nodes = actors(100);
    const edges = Array.from({ length: MAX_RELATIONS + 1 }, (_, i) => ({ id: `r${i}`, source: 'nobody', target: `actor-${i % 100}`, relation: 'leads' }));
    expect(validateGraph({ ...smallGraph(), views: [], nodes, edges }).problems).toEqual([
      { path: '$.edges', message: `The graph has ${MAX_RELATIONS + 1} relations, more than the ${MAX_RELATIONS} that can be drawn: split it into several files.` },
    ]);
  });

  it(`accepts a graph at the limits: ${MAX_ACTORS} actors, ${MAX_RELATIONS} relations, labels of ${MAX_LABEL_LENGTH} characters`, () => {
    const nodes = actors(MAX_ACTORS).map((actor) => ({ ...actor, label: { zh: '长'.repeat(MAX_LABEL_LENGTH), en: 'L'.repeat(MAX_LABEL_LENGTH) } }));
    const edges = Array.from({ length: MAX_RELATIONS }, (_, i) => ({ id: `r${i}`, source: `actor-${i % MAX_ACTORS}`, target: `actor-${(i * 7 + 1) % MAX_ACTORS}`, relation: 'leads' }));
    expect(validateGraph({ ...smallGraph(), views: [], nodes, edges }).problems).toEqual([]);
  });

  it(`refuses a label or short label longer than ${MAX_LABEL_LENGTH} characters`, () => {
    const problems = problemsAfter((g) => {
      g.nodes[0].label.en = 'L'.repeat(1024 * 1024);
      g.nodes[1].label.short = { zh: '短'.repeat(MAX_LABEL_LENGTH + 1) };
    });
    expect(problems).toEqual([
      { path: '$.nodes[0].label.en', message: expect.stringContaining(`more than the ${MAX_LABEL_LENGTH} a label may have`) },
      { path: '$.nodes[1].label.short.zh', message: expect.stringContaining('put the rest in "description"') },
    ]);
  });
});

describe('characters a text may not hold', () => {
  it.each([
    ['U+0000', '\u0000'],
    ['U+0008', '\u0008'],
    ['U+000B', '\u000B'],
    ['U+FFFE', '\uFFFE'],
    ['U+D800', '\uD800'],
  ])('a label with the control character %s is refused, with its path and position', (name, char) => {
    const problems = problemsAfter((g) => (g.nodes[2].label.en = `Emer${char}gency`));
    expect(problems).toEqual([{ path: '$.nodes[2].label.en', message: `The text contains the control character ${name} at character 5, which cannot be shown or exported: remove it.` }]);
  });

  it('a control character in a quote, a title or a field name is refused too', () => {
    const problems = problemsAfter((g) => {
      g.edges[0].evidence = [{ quote: 'a\u0001b' }];
      g.title.zh = '小\u0007图';
      g.nodes[0]['x\u0000'] = 1;
    });
    expect(problems.map((p) => p.path)).toEqual(expect.arrayContaining(['$.edges[0].evidence[0].quote', '$.title.zh', '$.nodes[0].x\\u0000']));
  });

  it('tab, line breaks and characters beyond the BMP are fine', () => {
    expect(problemsAfter((g) => (g.nodes[0].label.en = 'Party\tCommittee\n😀 𠀀'))).toEqual([]);
  });

  it('a bidirectional override or isolate is refused; right-to-left letters are not', () => {
    expect(problemsAfter((g) => (g.nodes[0].label.en = 'abc\u202Edef'))).toEqual([
      { path: '$.nodes[0].label.en', message: expect.stringContaining('bidirectional control U+202E at character 4') },
    ]);
    expect(problemsAfter((g) => (g.nodes[0].label.en = '\u2067x'))[0].message).toContain('U+2067');
    expect(problemsAfter((g) => (g.nodes[0].label.en = 'مجلس المدينة'))).toEqual([]);
  });

  it('a label made only of zero-width or blank characters is no label', () => {
    for (const invisible of ['\u200B\u200C\u200D', '\uFEFF', '\u3164', ' \u2060 ', '\u0301']) {
      expect(problemsAfter((g) => (g.nodes[1].label.zh = invisible))).toEqual([{ path: '$.nodes[1].label.zh', message: expect.stringContaining('no Chinese text') }]);
    }
  });
});

describe('chains thousands of actors long', () => {
  /** A line of `count` departments, each leading the next. */
  const line = (count: number) => ({
    id: 'line',
    title: { zh: '链', en: 'Line' },
    nodes: actors(count).map((actor) => ({ ...actor, sector: 'department' as const })),
    edges: Array.from({ length: count - 1 }, (_, i) => ({ id: `r${i}`, source: `actor-${i}`, target: `actor-${i + 1}`, relation: 'leads' as const })),
  });

  it(`trace from the bottom of a ${MAX_ACTORS}-actor line to its top`, () => {
    const trace = traceActor(line(MAX_ACTORS), `actor-${MAX_ACTORS - 1}`);
    expect(trace.upstream).toHaveLength(1);
    expect(trace.upstream[0].actors).toHaveLength(MAX_ACTORS);
    expect(connectingChains(line(MAX_ACTORS), `actor-${MAX_ACTORS - 1}`, 'actor-0')[0].links).toHaveLength(MAX_ACTORS - 1);
  });

  it(`are summarised for the compare view: a ${MAX_ACTORS}-actor line has ${MAX_ACTORS - 1} links`, () => {
    const summary = compareModels(line(MAX_ACTORS), BUILTIN_MODELS.foreign);
    expect(summary.left.longestChain).toBe(MAX_ACTORS - 1);
    expect(summary.left.longestChainActors[0]).toBe(`actor-${MAX_ACTORS - 1}`);
  });

  it('the longest chain ends where a cycle would begin', () => {
    const cycle = line(4);
    cycle.edges.push({ id: 'back', source: 'actor-3', target: 'actor-0', relation: 'leads' });
    expect(longestChain(cycle)!.actors).toEqual(['actor-0', 'actor-3', 'actor-2', 'actor-1']);
  });
});

describe('layouts chosen by relations as well as actors', () => {
  /** Elements of `actors` departments, every pair related once when `complete`, else in a line. */
  function elements(actors: number, complete: boolean) {
    const nodes = Array.from({ length: actors }, (_, i) => ({ group: 'nodes' as const, data: { id: `a${i}`, sector: 'department', width: 100, height: 40 } }));
    const pairs = complete ? nodes.flatMap((_, i) => nodes.slice(i + 1).map((__, k) => [i, i + 1 + k])) : nodes.slice(1).map((_, i) => [i, i + 1]);
    return [...nodes, ...pairs.map(([s, t], i) => ({ group: 'edges' as const, data: { id: `r${i}`, source: `a${s}`, target: `a${t}`, relation: 'leads' } }))];
  }

  it('dagre takes few actors with few relations only', () => {
    expect(fitsDagre(FAST_LAYOUT_THRESHOLD, DAGRE_MAX_RELATIONS)).toBe(true);
    expect(fitsDagre(60, 1770)).toBe(false);
    expect(fitsDagre(FAST_LAYOUT_THRESHOLD + 1, 0)).toBe(false);
  });

  it('60 actors with 1,770 relations (every pair) are placed without dagre', () => {
    const positions = knownPlacement({ elements: elements(60, true), mode: 'hierarchy', aspect: 16 / 9, width: 1280, persist: false });
    expect(positions?.size).toBe(60);
  });

  it(`a ${MAX_ACTORS}-actor line is placed in bands without dagre, every actor on its band`, () => {
    const positions = knownPlacement({ elements: elements(MAX_ACTORS, false), mode: 'bands', aspect: 16 / 9, width: 1280, persist: false })!;
    expect(positions.size).toBe(MAX_ACTORS);
    expect(new Set([...positions.values()].map(({ y }) => y)).size).toBe(1);
  });
});
