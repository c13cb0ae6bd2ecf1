import { describe, expect, it } from 'vitest';
import { BUILTIN_MODELS } from '../../src/model/builtin.js';
import { GraphError } from '../../src/model/errors.js';
import { chainSentence, connectingChains, connectionDirection, linkSentences, traceActor, traceByDirection, traceDownstream, traceUpstream } from '../../src/model/trace.js';
import type { Graph, RelationType } from '../../src/model/types.js';

const domestic = BUILTIN_MODELS.domestic;
const ids = (chains: { actors: string[] }[]) => chains.map((chain) => chain.actors);

/** A graph from `a leads b`-style triples; every actor is a department. */
function graphOf(...triples: [string, RelationType, string][]): Graph {
  const actors = [...new Set(triples.flatMap(([a, , b]) => [a, b]))];
  return {
    id: 'test',
    title: { zh: '测试', en: 'Test' },
    nodes: actors.map((id) => ({ id, label: { zh: id, en: id.toUpperCase() }, sector: 'department' })),
    edges: triples.map(([source, relation, target], i) => ({ id: `e${i}`, source, target, relation })),
  };
}

describe('tracing the domestic model', () => {
  it('takes the disaster-related departments up through emergency management and the government to the Party', () => {
    const chains = ids(traceUpstream(domestic, 'disaster-departments'));
    expect(chains).toContainEqual(['disaster-departments', 'emergency-department', 'city-gov', 'city-party', 'cpc-central']);
    expect(chains).toContainEqual(['disaster-departments', 'city-gov', 'city-party', 'cpc-central']);
  });

  it('lists the nearest chain first', () => {
    const lengths = traceUpstream(domestic, 'disaster-departments').map((chain) => chain.links.length);
    expect(lengths).toEqual([...lengths].sort((a, b) => a - b));
  });

  it('writes a chain as a sentence in either language, every arrow one way, and each link as the data states it', () => {
    const chain = traceUpstream(domestic, 'disaster-departments').find((c) => c.actors[1] === 'emergency-department' && c.actors[2] === 'city-gov')!;
    expect(chainSentence(domestic, chain, 'zh')).toBe('涉灾部门 → 应急管理部门 → 市政府 → 市委 → 党中央');
    expect(chainSentence(domestic, chain, 'en')).toBe('Disaster-related departments → Emergency Management → Municipal Government → Municipal Party Committee → CPC Central Committee');
    // the emergency department takes the lead for the government: a relation pointing up the chain, stated with its own subject
    expect(linkSentences(domestic, chain, 'zh')).toEqual(['应急管理部门 统筹协调 涉灾部门', '应急管理部门 牵头 市政府', '市委 领导 市政府', '市委 监督∗ 市政府', '党中央 领导∗ 市委']);
    expect(linkSentences(domestic, chain, 'en')[1]).toBe('Emergency Management takes the lead for Municipal Government');
  });

  it('never mixes arrow directions in a chain sentence, up or down: one → per link, each link the way the chain runs', () => {
    const chains = {
      upstream: domestic.nodes.flatMap((node) => traceUpstream(domestic, node.id)),
      downstream: domestic.nodes.flatMap((node) => traceDownstream(domestic, node.id)),
    };
    for (const [direction, traced] of Object.entries(chains)) {
      expect(traced.length, direction).toBeGreaterThan(10);
      for (const chain of traced) {
        for (const lang of ['zh', 'en'] as const) expect(chainSentence(domestic, chain, lang).match(/[←→↑↓↔⇐⇒]/g)).toEqual(chain.links.map(() => '→'));
        // what the one arrow stands for: every step reaches the actor above (upstream) or below (downstream)
        const steps = chain.links.map((link, i) => connectionDirection(domestic, { to: link.actor, chains: [{ actors: [chain.actors[i], link.actor], links: [link] }] }));
        expect(steps, chain.actors.join(' → ')).toEqual(chain.links.map(() => direction));
      }
    }
  });

  it('shows a department answering to both the Party committee and the government as separate paths', () => {
    const chains = ids(traceUpstream(domestic, 'coordination-mechanism'));
    expect(chains).toContainEqual(['coordination-mechanism', 'city-party', 'cpc-central']);
    expect(chains).toContainEqual(['coordination-mechanism', 'city-gov', 'city-party', 'cpc-central']);
    expect(new Set(chains.map((c) => c.join('>'))).size).toBe(chains.length);
  });

  it('steers from the Party committee down to the departments, and to society only when influence counts', () => {
    const accountability = traceDownstream(domestic, 'city-party').flatMap((c) => c.actors);
    expect(accountability).toContain('disaster-departments');
    expect(accountability).not.toContain('households');
    const withInfluence = traceDownstream(domestic, 'city-party', { influence: true }).flatMap((c) => c.actors);
    expect(withInfluence).toContain('households');
  });

  it('finds the government and the coordination bodies as the links between a Party committee and its emergency department', () => {
    const expected = [
      ['emergency-department', 'coordination-bodies', 'city-party'],
      ['emergency-department', 'city-gov', 'city-party'],
    ];
    expect(ids(connectingChains(domestic, 'emergency-department', 'city-party'))).toEqual(expect.arrayContaining(expected));
    expect(ids(connectingChains(domestic, 'city-party', 'emergency-department'))).toEqual(expect.arrayContaining(expected.map((chain) => [...chain].reverse())));
  });

  it('says which way a connection runs, as the highlight and the chain strip both read it: up to the Party committee, down from it', () => {
    const up = { to: 'city-party', chains: connectingChains(domestic, 'emergency-department', 'city-party') };
    const down = { to: 'emergency-department', chains: connectingChains(domestic, 'city-party', 'emergency-department') };
    const none = { to: 'households', chains: connectingChains(domestic, 'mps', 'households') };
    expect([connectionDirection(domestic, up), connectionDirection(domestic, down), connectionDirection(domestic, none)]).toEqual(['upstream', 'downstream', undefined]);
    // the emergency department takes the lead (a relation it is the source of) for the government above it: its flow, not its source, decides
    const takesLead = { to: 'city-gov', chains: connectingChains(domestic, 'emergency-department', 'city-gov') };
    expect(takesLead.chains[0].links[0].relations.map((relation) => relation.source)).toContain('emergency-department');
    expect(connectionDirection(domestic, takesLead)).toBe('upstream');
    const trace = traceActor(domestic, 'emergency-department');
    expect(traceByDirection(domestic, trace, up).upstream).toEqual(ids(up.chains));
    expect(traceByDirection(domestic, trace, down).downstream).toEqual(ids(down.chains));
  });

  it('finds no chain of responsibility between unrelated actors', () => {
    expect(connectingChains(domestic, 'mps', 'households')).toEqual([]);
  });

  it('gives a disconnected actor empty chains, not an error', () => {
    const trace = traceActor(domestic, 'rc100');
    expect(trace.upstream).toEqual([]);
    expect(trace.downstream).toEqual([]);
  });
});

describe('tracing small graphs', () => {
  it('returns every path of a diamond, shortest first, each once', () => {
    const diamond = graphOf(['top', 'leads', 'left'], ['top', 'leads', 'right'], ['left', 'coordinates', 'bottom'], ['right', 'coordinates', 'bottom'], ['top', 'directs', 'bottom']);
    expect(ids(traceUpstream(diamond, 'bottom'))).toEqual([
      ['bottom', 'top'],
      ['bottom', 'left', 'top'],
      ['bottom', 'right', 'top'],
    ]);
    expect(ids(connectingChains(diamond, 'top', 'bottom'))).toEqual([['top', 'bottom']]);
  });

  it('stops at a cycle instead of looping', () => {
    const cycle = graphOf(['a', 'leads', 'b'], ['b', 'leads', 'c'], ['c', 'leads', 'a']);
    expect(ids(traceUpstream(cycle, 'a'))).toEqual([['a', 'c', 'b']]);
    expect(ids(traceDownstream(cycle, 'a'))).toEqual([['a', 'b', 'c']]);
  });

  it('reads upward relations from the lower actor: a participant answers to what it takes part in', () => {
    const graph = graphOf(['public', 'participates', 'gov'], ['party', 'leads', 'gov']);
    expect(ids(traceUpstream(graph, 'public', { influence: true }))).toEqual([['public', 'gov', 'party']]);
    expect(ids(traceUpstream(graph, 'public'))).toEqual([]);
  });

  it('finds all shortest chains between two actors', () => {
    const graph = graphOf(['a', 'leads', 'b1'], ['a', 'leads', 'b2'], ['b1', 'leads', 'c'], ['b2', 'leads', 'c'], ['c', 'leads', 'd']);
    expect(ids(connectingChains(graph, 'd', 'a'))).toEqual([
      ['d', 'c', 'b1', 'a'],
      ['d', 'c', 'b2', 'a'],
    ]);
  });

  it('rejects an unknown actor with a suggestion', () => {
    const graph = graphOf(['party', 'leads', 'gov']);
    expect(() => traceUpstream(graph, 'goverment')).toThrowError(GraphError);
    expect(() => traceUpstream(graph, 'gvo')).toThrowError(/Did you mean "gov"\?/);
    expect(() => connectingChains(graph, 'party', 'nobody')).toThrowError(/no actor "nobody"/);
  });

  it('says an unknown actor in the reader’s language, and carries both for a reader who switches', () => {
    const graph = graphOf(['party', 'leads', 'gov']);
    expect(() => traceUpstream(graph, 'gvo', { lang: 'zh' })).toThrowError('模型 "test" 中没有可追溯的主体 "gvo"。是否想写 "gov"?');
    expect(() => connectingChains(graph, 'party', 'nobody', { lang: 'zh' })).toThrowError('模型 "test" 中没有可追溯的主体 "nobody"。');
    const error = (() => {
      try {
        traceDownstream(graph, 'gvo');
      } catch (thrown) {
        return thrown as GraphError;
      }
    })()!;
    expect(error.message).toBe('The model "test" has no actor "gvo" to trace. Did you mean "gov"?');
    expect(error.problems).toEqual([{ path: 'trace', message: error.message }]);
    expect(error.in('zh').message).toBe('模型 "test" 中没有可追溯的主体 "gvo"。是否想写 "gov"?');
  });
});
