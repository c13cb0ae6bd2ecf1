import type { Graph, Lang, Relation } from './types.js';
import { INFERRED_MARK, isInferred, vocabularyOf, type RelationInfo, type RelationKind } from './vocabulary.js';
import { GraphError } from './errors.js';
import { quoted } from './text.js';
import { TRACING } from './messages.js';
import { closest } from './validate.js';

/** Which relations a trace follows, and the language it says a problem in. */
export interface TraceOptions {
  /**
   * Also follow influence relations (guides, funds, buys services, partners, participates,
   * promotes), not only accountability ones (leads, directs, coordinates, …).
   */
  influence?: boolean;
  /** Language of the error's `message` and `problems` (it carries both, see `GraphError.in`); default English. */
  lang?: Lang;
}

/** One step of a chain: the relations joining two actors (usually one) and the actor it reaches. */
export interface ChainLink {
  /** Every followed relation between the two actors, e.g. a committee that both leads and supervises. */
  relations: Relation[];
  /** The actor this step reaches. */
  actor: string;
}

/** A chain of responsibility from the traced actor outward, nearest first. */
export interface Chain {
  /** Actor ids: the traced actor first, then each one the chain reaches. */
  actors: string[];
  /** `links[i]` joins `actors[i]` and `actors[i + 1]`. */
  links: ChainLink[];
}

/** Both directions of a trace. */
export interface Trace {
  id: string;
  /** To whom the actor answers, up to the top of the hierarchy. */
  upstream: Chain[];
  /** Whom the actor steers, down to the bottom. */
  downstream: Chain[];
}

/** Most chains listed per direction; a dense network could otherwise have thousands. */
export const MAX_CHAINS = 200;

/** Links of a graph by the hierarchy they express: who stands above whom. */
interface Hierarchy {
  /** Actor id → links to the actors directly above it. */
  up: Map<string, ChainLink[]>;
  /** Actor id → links to the actors directly below it. */
  down: Map<string, ChainLink[]>;
}

/** The actor a relation puts above the other: its source when it flows down, else its target. */
const upperEnd = (relation: Relation, flow: RelationInfo['flow']): string => (flow === 'down' ? relation.source : relation.target);

/** The relation kinds a trace follows. */
function followedKinds(options: TraceOptions): ReadonlySet<RelationKind> {
  return new Set<RelationKind>(options.influence ? ['accountability', 'influence'] : ['accountability']);
}

const hierarchies = new WeakMap<Graph, Map<string, Hierarchy>>();

/** The upper and lower end of every followed relation (cached per graph and options). */
function hierarchyOf(graph: Graph, options: TraceOptions): Hierarchy {
  const key = options.influence ? 'influence' : 'accountability';
  let byKey = hierarchies.get(graph);
  if (!byKey) hierarchies.set(graph, (byKey = new Map()));
  const cached = byKey.get(key);
  if (cached) return cached;
  const kinds = followedKinds(options);
  const up = new Map<string, ChainLink[]>();
  const down = new Map<string, ChainLink[]>();
  // parallel relations between the same two actors form one link, so no chain appears twice
  const add = (map: Map<string, ChainLink[]>, from: string, to: string, relation: Relation) => {
    const links = map.get(from) ?? [];
    const existing = links.find((link) => link.actor === to);
    if (existing) existing.relations.push(relation);
    else links.push({ relations: [relation], actor: to });
    map.set(from, links);
  };
  const { relations } = vocabularyOf(graph);
  for (const relation of graph.edges) {
    const info = relations[relation.relation];
    if (!info || !kinds.has(info.kind)) continue;
    const upper = upperEnd(relation, info.flow);
    const lower = upper === relation.source ? relation.target : relation.source;
    add(up, lower, upper, relation);
    add(down, upper, lower, relation);
  }
  const hierarchy = { up, down };
  byKey.set(key, hierarchy);
  return hierarchy;
}

/**
 * Throws when an actor of the model is left out of the view traced (`shown`): said so, instead of
 * "no such actor" from the view's graph.
 *
 * @throws {GraphError} when an id names an actor of `graph` that `shown` lacks.
 */
export function assertInView(graph: Graph, shown: Graph, view: string, ids: readonly (string | undefined)[], lang: Lang = 'en'): void {
  for (const id of ids) {
    if (id === undefined || shown.nodes.some((node) => node.id === id) || !graph.nodes.some((node) => node.id === id)) continue;
    const message = TRACING.notInView(quoted(view), quoted(id));
    throw GraphError.of(message, [{ path: 'trace', message }], lang);
  }
}

function assertActor(graph: Graph, id: string, lang: Lang = 'en'): void {
  if (graph.nodes.some((node) => node.id === id)) return;
  const message = TRACING.noActor(quoted(graph.id), quoted(id), closest(id, graph.nodes.map((node) => node.id)));
  throw GraphError.of(message, [{ path: 'trace', message }], lang);
}

/**
 * Every maximal chain from `id` along `next`, without revisiting an actor (a cycle ends a chain),
 * shorter chains first, then in data order. Walks with its own stack: a chain thousands of actors
 * long cannot exhaust the call stack.
 */
function chainsFrom(id: string, next: Map<string, ChainLink[]>): Chain[] {
  const chains: Chain[] = [];
  const actors = [id];
  const links: ChainLink[] = [];
  const onChain = new Set(actors);
  const onward = (actor: string) => (next.get(actor) ?? []).filter((link) => !onChain.has(link.actor));
  // one entry per actor of the current chain: the links onward from it, and how many were followed
  const stack = [{ choices: onward(id), followed: 0 }];
  while (stack.length > 0 && chains.length < MAX_CHAINS) {
    const top = stack[stack.length - 1];
    if (top.followed === top.choices.length) {
      stack.pop();
      if (stack.length > 0) {
        onChain.delete(actors.pop()!);
        links.pop();
      }
      continue;
    }
    const link = top.choices[top.followed++];
    actors.push(link.actor);
    links.push(link);
    onChain.add(link.actor);
    const choices = onward(link.actor);
    if (choices.length > 0) {
      stack.push({ choices, followed: 0 });
      continue;
    }
    chains.push({ actors: [...actors], links: [...links] });
    onChain.delete(actors.pop()!);
    links.pop();
  }
  return chains.sort((a, b) => a.links.length - b.links.length);
}

/**
 * To whom an actor answers: every chain upward through the relations it follows, up to actors
 * that answer to no one, nearest first.
 *
 * @throws {GraphError} when `id` is no actor of the graph.
 */
export function traceUpstream(graph: Graph, id: string, options: TraceOptions = {}): Chain[] {
  assertActor(graph, id, options.lang);
  return chainsFrom(id, hierarchyOf(graph, options).up);
}

/**
 * Whom an actor steers: every chain downward, nearest first.
 *
 * @throws {GraphError} when `id` is no actor of the graph.
 */
export function traceDownstream(graph: Graph, id: string, options: TraceOptions = {}): Chain[] {
  assertActor(graph, id, options.lang);
  return chainsFrom(id, hierarchyOf(graph, options).down);
}

/** Both directions of an actor's responsibility. */
export function traceActor(graph: Graph, id: string, options: TraceOptions = {}): Trace {
  return { id, upstream: traceUpstream(graph, id, options), downstream: traceDownstream(graph, id, options) };
}

/**
 * All shortest chains of responsibility between two actors: `from` answering (through others)
 * to `to`, or `to` answering to `from`. Empty when no chain connects them.
 *
 * @throws {GraphError} when either id is no actor of the graph.
 */
export function connectingChains(graph: Graph, from: string, to: string, options: TraceOptions = {}): Chain[] {
  assertActor(graph, from, options.lang);
  assertActor(graph, to, options.lang);
  if (from === to) return [];
  const { up, down } = hierarchyOf(graph, options);
  const upward = shortestChains(from, to, up);
  return upward.length > 0 ? upward : shortestChains(from, to, down);
}

/** Every shortest chain from `from` to `to` along `next` (breadth-first, then back along all parents). */
function shortestChains(from: string, to: string, next: Map<string, ChainLink[]>): Chain[] {
  const depth = new Map<string, number>([[from, 0]]);
  const parents = new Map<string, { previous: string; link: ChainLink }[]>();
  let frontier = [from];
  while (frontier.length > 0 && !depth.has(to)) {
    const following: string[] = [];
    for (const actor of frontier) {
      for (const link of next.get(actor) ?? []) {
        const known = depth.get(link.actor);
        if (known === undefined) {
          depth.set(link.actor, depth.get(actor)! + 1);
          following.push(link.actor);
        }
        if (known === undefined || known === depth.get(actor)! + 1) {
          const list = parents.get(link.actor) ?? [];
          list.push({ previous: actor, link });
          parents.set(link.actor, list);
        }
      }
    }
    frontier = following;
  }
  if (!depth.has(to)) return [];
  const chains: Chain[] = [];
  // back from `to` along every parent, with its own stack (a shortest chain may be thousands long)
  const pending: { actor: string; actors: string[]; links: ChainLink[] }[] = [{ actor: to, actors: [], links: [] }];
  while (pending.length > 0 && chains.length < MAX_CHAINS) {
    const { actor, actors, links } = pending.pop()!;
    if (actor === from) {
      chains.push({ actors: [from, ...actors], links });
      continue;
    }
    const back = parents.get(actor) ?? [];
    for (let i = back.length - 1; i >= 0; i--) pending.push({ actor: back[i].previous, actors: [actor, ...actors], links: [back[i].link, ...links] });
  }
  return chains;
}

/**
 * The longest chain upward through the followed relations, from its lowest actor; of chains as
 * long, the one with the fewest links that rest only on the author's readings, then the first in
 * data order. Undefined when no actor answers to another. In linear time, so that any graph the
 * element draws can be summarised: each actor's best chain is worked out once (a cycle ends a chain).
 */
export function longestChain(graph: Graph, options: TraceOptions = {}): Chain | undefined {
  const { up } = hierarchyOf(graph, options);
  // the best chain up from each actor: its links and readings, and its first link
  const best = new Map<string, { links: number; readings: number; first?: ChainLink }>();
  const better = (a: { links: number; readings: number }, b: { links: number; readings: number }) => a.links > b.links || (a.links === b.links && a.readings < b.readings);
  const onStack = new Set<string>();
  for (const { id } of graph.nodes) {
    if (best.has(id)) continue;
    const stack: [string, number][] = [[id, 0]];
    onStack.add(id);
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      const [actor, next] = top;
      const links = up.get(actor) ?? [];
      if (next < links.length) {
        top[1]++;
        const upper = links[next].actor;
        if (!best.has(upper) && !onStack.has(upper)) {
          onStack.add(upper);
          stack.push([upper, 0]);
        }
        continue;
      }
      // uppers still on the stack close a cycle: the chain ends before them
      let own: { links: number; readings: number; first?: ChainLink } = { links: 0, readings: 0 };
      for (const link of links) {
        const above = best.get(link.actor);
        if (!above) continue;
        const through = { links: above.links + 1, readings: above.readings + (link.relations.every(isInferred) ? 1 : 0), first: link };
        if (better(through, own)) own = through;
      }
      best.set(actor, own);
      onStack.delete(actor);
      stack.pop();
    }
  }
  let start: string | undefined;
  for (const { id } of graph.nodes) if (best.get(id)!.links > 0 && (start === undefined || better(best.get(id)!, best.get(start)!))) start = id;
  if (start === undefined) return undefined;
  const chain: Chain = { actors: [start], links: [] };
  for (let link = best.get(start)!.first; link; link = best.get(link.actor)!.first) {
    chain.actors.push(link.actor);
    chain.links.push(link);
  }
  return chain;
}

/** The name of an actor in a chain sentence: its short form where it has one. */
export function chainName(graph: Graph, id: string, lang: Lang): string {
  const label = graph.nodes.find((node) => node.id === id)?.label;
  return label ? (label.short?.[lang] ?? label[lang]) : id;
}

/**
 * A chain as a sentence, from the traced actor outward, every arrow pointing the same way: up a
 * chain it reads "answers to", down a chain "steers", e.g. `涉灾部门 → 应急管理部门 → 市政府 → 市委`.
 * What each link is, and who does it to whom, is in `linkSentences`.
 */
export function chainSentence(graph: Graph, chain: Chain, lang: Lang): string {
  return chainParts(graph, chain, lang)
    .map((part) => ('name' in part ? part.name : part.link))
    .join('');
}

/** A piece of a chain sentence: an actor's name, or the arrow between two actors. */
export type ChainPart = { actor: string; name: string } | { link: string };

/**
 * A chain sentence in pieces (see `chainSentence`), so that a page can isolate each name: a
 * right-to-left name must not reorder the arrows around it.
 */
export function chainParts(graph: Graph, chain: Chain, lang: Lang): ChainPart[] {
  return chain.actors.flatMap((actor, i): ChainPart[] => [...(i > 0 ? [{ link: ' → ' }] : []), { actor, name: chainName(graph, actor, lang) }]);
}

/** One relation of a chain as the data states it: who (`source`) does what (`verb`) to whom (`target`), by name. */
export interface LinkStatement {
  source: string;
  /** The verb, with `INFERRED_MARK` for the author's reading (`领导∗`). */
  verb: string;
  target: string;
}

/** Each relation along a chain as the data states it, nearest first (see `linkSentences`); in pieces, so that a page can isolate each name. */
export function linkStatements(graph: Graph, chain: Chain, lang: Lang): LinkStatement[] {
  return chain.links.flatMap((link) =>
    link.relations.map((relation) => ({
      source: chainName(graph, relation.source, lang),
      verb: vocabularyOf(graph).relations[relation.relation].verb[lang] + (isInferred(relation) ? INFERRED_MARK : ''),
      target: chainName(graph, relation.target, lang),
    })),
  );
}

/** Each relation along a chain as a sentence, nearest first, e.g. `应急管理部门 统筹协调 涉灾部门`, `应急管理部门 牵头 市政府`. */
export function linkSentences(graph: Graph, chain: Chain, lang: Lang): string[] {
  return linkStatements(graph, chain, lang).map(({ source, verb, target }) => `${source} ${verb} ${target}`);
}

/** Chains between the traced actor and a second one. */
export interface Connection {
  to: string;
  chains: Chain[];
}

/**
 * Which way a connection runs from the traced actor: `upstream` when it answers (through others)
 * to the second actor, `downstream` when it steers it; undefined when no chain connects them.
 */
export function connectionDirection(graph: Pick<Graph, 'vocabulary'>, connection: Connection): 'upstream' | 'downstream' | undefined {
  const [chain] = connection.chains;
  if (!chain) return undefined;
  const relation = chain.links[0].relations[0];
  return upperEnd(relation, vocabularyOf(graph).relations[relation.relation].flow) === chain.actors[1] ? 'upstream' : 'downstream';
}

/**
 * A trace split by direction, as chains of actor ids and as the ids of the actors and relations
 * they pass through (the traced actor left out). With a connection, its chains replace the trace's.
 */
export function traceByDirection(graph: Pick<Graph, 'vocabulary'>, trace: Trace, connection?: Connection) {
  const idsOf = (chains: Chain[]) => chains.flatMap((chain) => [...chain.actors.slice(1), ...chain.links.flatMap((link) => link.relations.map((r) => r.id))]);
  if (connection) {
    const upward = connectionDirection(graph, connection) === 'upstream';
    const chains = connection.chains.map((chain) => chain.actors);
    const elements = idsOf(connection.chains);
    return upward
      ? { upstream: chains, downstream: [] as string[][], upstreamIds: elements, downstreamIds: [] as string[] }
      : { upstream: [] as string[][], downstream: chains, upstreamIds: [] as string[], downstreamIds: elements };
  }
  return {
    upstream: trace.upstream.map((chain) => chain.actors),
    downstream: trace.downstream.map((chain) => chain.actors),
    upstreamIds: idsOf(trace.upstream),
    downstreamIds: idsOf(trace.downstream),
  };
}
