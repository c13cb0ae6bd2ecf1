import { html, nothing } from 'lit';
import { inLang, msg, oneLang } from '../model/messages.js';
import { chainSentence, linkSentences, type Trace } from '../model/trace.js';
import type { DisplayLang, Graph } from '../model/types.js';
import { isInferred, vocabularyOf } from '../model/vocabulary.js';
import { selectView } from '../render/elements.js';

/** What is on screen, for the text version of a graph. */
export interface ShownState {
  view?: string;
  lang: DisplayLang;
  /** Hidden sectors and relation types. */
  hidden: ReadonlySet<string>;
  /** Actors of the current presentation step; undefined: all. */
  shown?: ReadonlySet<string>;
  trace?: Trace;
}

/**
 * The graph as text for screen readers: the actors on screen grouped by sector, each with its
 * relations, then the current trace's chains. Rendered hidden; the canvas is described by it.
 */
export function textAlternative(graph: Graph, { view, lang, hidden, shown, trace }: ShownState) {
  const one = oneLang(lang);
  const vocabulary = vocabularyOf(graph);
  const { actors, relations } = selectView(graph, view, shown);
  const onScreen = actors.filter((a) => !hidden.has(a.sector));
  const ids = new Set(onScreen.map((a) => a.id));
  const name = new Map(actors.map((a) => [a.id, a.label[one]]));
  const visible = relations.filter((r) => !hidden.has(r.relation) && ids.has(r.source) && ids.has(r.target));
  // relations by their source, so that thousands of actors do not each scan every relation
  const outgoing = new Map<string, string[]>();
  for (const r of visible) {
    const text = `${vocabulary.relations[r.relation].verb[one]} ${name.get(r.target)}${isInferred(r) ? ` (${msg('inferred', lang)})` : ''}`;
    const list = outgoing.get(r.source);
    if (list) list.push(text);
    else outgoing.set(r.source, [text]);
  }
  // named after the graph too: two graphs on a page (the compare view) have two such regions
  return html`<section id="text-alternative" class="visually-hidden" aria-label=${`${msg('textAlternative', lang)}: ${inLang(graph.title, lang)}`}>
    <h2>${inLang(graph.title, lang)}</h2>
    <p>${onScreen.length} / ${visible.length} ${msg('counts', lang)}</p>
    ${vocabulary.sectorTypes.filter((sector) => onScreen.some((a) => a.sector === sector)).map(
      (sector) => html`<h3>${inLang(vocabulary.sectors[sector].name, lang)}</h3>
        <ul>
          ${onScreen
            .filter((a) => a.sector === sector)
            .map((actor) => {
              const out = outgoing.get(actor.id);
              return html`<li>${actor.label[one]}${out ? `: ${out.join('; ')}` : ''}</li>`;
            })}
        </ul>`,
    )}
    ${trace
      ? html`<h3>${msg('traceTitle', lang)}</h3>
          ${([['upstream', trace.upstream], ['downstream', trace.downstream]] as const).map(
            ([direction, chains]) => html`<h4>${msg(direction, lang)}</h4>
              <ul>
                ${chains.map((chain) => html`<li>${chainSentence(graph, chain, one)} (${linkSentences(graph, chain, one).join('; ')})</li>`)}
              </ul>`,
          )}`
      : nothing}
  </section>`;
}

/** What a screen reader hears when a trace starts or changes. */
export function traceAnnouncement(graph: Graph, trace: Trace, lang: DisplayLang): string {
  const actor = graph.nodes.find((n) => n.id === trace.id);
  const name = actor ? inLang(actor.label, lang) : trace.id;
  const chains = msg('chains', lang);
  return `${msg('traced', lang)}: ${name}. ${msg('upstream', lang)} ${trace.upstream.length} ${chains}; ${msg('downstream', lang)} ${trace.downstream.length} ${chains}.`;
}
