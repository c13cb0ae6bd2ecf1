import { html, nothing } from 'lit';
import { msg, noChainWords } from '../model/messages.js';
import { chainName, chainParts, connectionDirection, type Chain, type Connection, type Trace } from '../model/trace.js';
import type { DisplayLang, Graph, Lang } from '../model/types.js';

/** Chains a strip lists per direction: a slide has room for a line or two. */
const STRIP_CHAINS = 2;

/**
 * A trace on a slide (`static`), as a strip under the graph instead of a panel over it: per
 * direction, the longest chains as sentences (every arrow one way), and how many more there are;
 * a direction without chains, or two actors no chain connects, said in words. `inView`: the trace
 * follows a view's actors only, and the words say so.
 */
export function chainStrip(graph: Graph, trace: Trace, connection: Connection | undefined, lang: DisplayLang, inView: boolean) {
  const sentenceLang: Lang = lang === 'en' ? 'en' : 'zh';
  if (connection && connection.chains.length === 0) {
    const name = (id: string) => html`<bdi>${chainName(graph, id, sentenceLang)}</bdi>`;
    return html`<div part="chains">
      <p class="none">${msg(noChainWords(inView).connection, lang)} ${name(trace.id)} ${msg('and', lang)} ${name(connection.to)}</p>
    </div>`;
  }
  const rows: ['upstream' | 'downstream', Chain[]][] = connection
    ? [[connectionDirection(graph, connection)!, connection.chains]]
    : [
        ['upstream', trace.upstream],
        ['downstream', trace.downstream],
      ];
  const none = noChainWords(inView);
  // each name isolated: a right-to-left one must not reorder the arrows around it
  const sentence = (chain: Chain) => chainParts(graph, chain, sentenceLang).map((part) => ('name' in part ? html`<bdi>${part.name}</bdi>` : part.link));
  return html`<div part="chains">
    ${rows.map(([direction, chains]) => {
      // the longest first: they reach furthest up or down
      const listed = [...chains].sort((a, b) => b.actors.length - a.actors.length).slice(0, STRIP_CHAINS);
      const more = chains.length - listed.length;
      return html`<p class=${direction}>
        <strong>${msg(direction, lang)}</strong>
        ${listed.length === 0 ? html`<span class="none">${msg(none[direction], lang)}</span>` : nothing}
        ${listed.map((chain, i) => html`${i > 0 ? html`<span class="separator">|</span>` : nothing}<span class="chain">${sentence(chain)}</span>`)}
        ${more > 0 ? html`<span class="more">+${more} ${msg('moreChains', lang)}</span>` : nothing}
      </p>`;
    })}
  </div>`;
}
