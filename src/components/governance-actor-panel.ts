import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { findQuote, quoteInSentence, type SourceText } from '../model/citations.js';
import { inLang, msg, noChainWords, oneLang } from '../model/messages.js';
import { chainParts, linkStatements, type Chain, type Connection, type Trace } from '../model/trace.js';
import type { Actor, DisplayLang, Evidence, Graph, Lang, Relation } from '../model/types.js';
import { INFERRED_MARK, isInferred, LEVELS, vocabularyOf } from '../model/vocabulary.js';
import { canvasLabel } from '../render/elements.js';
import { emitInner, type InnerEvent } from './events.js';
import './governance-search.js';


/**
 * Details of one actor: names in both languages, sector, level, its chains of responsibility,
 * relations in and out, and the quotes of the source with its reference.
 *
 * @event panel-navigate - `{ id }`: the user picked a related actor.
 * @event panel-close - the user closed the panel.
 * @event panel-trace-to - `{ id }`: the user asked for the chains to another actor, or `{ id: null }` to go back.
 * @event panel-influence - `{ influence }`: the user switched influence relations into the trace or out of it.
 */
@customElement('governance-actor-panel')
export class GovernanceActorPanel extends LitElement {
  static override styles = css`
    :host {
      display: block;
      overflow: auto;
      padding: 12px 14px;
      border: 1px solid var(--gg-border, #999);
      border-radius: 6px;
      background: var(--gg-background, #fff);
      box-shadow: 0 2px 10px rgb(0 0 0 / 0.18);
      font-size: 0.93em;
      line-height: 1.45;
    }
    .header {
      display: flex;
      align-items: start;
      gap: 8px;
    }
    h2 {
      flex: 1;
      margin: 0;
      font-size: 1.2em;
    }
    h3 {
      margin: 12px 0 4px;
      font-size: 1em;
    }
    .other {
      margin: 2px 0 8px;
    }
    .reading {
      display: block;
      margin: 2px 0;
      font-size: 0.92em;
    }
    dl {
      display: grid;
      grid-template-columns: auto 1fr;
      gap: 2px 10px;
      margin: 0;
    }
    dt {
      font-weight: 600;
    }
    dd {
      margin: 0;
    }
    ul {
      margin: 0;
      padding-left: 1.1em;
    }
    li {
      margin: 3px 0;
    }
    button {
      color: inherit;
      font: inherit;
    }
    .close {
      padding: 0 8px;
      border: 1px solid var(--gg-border, #999);
      border-radius: 4px;
      background: none;
      cursor: pointer;
      font-size: 1.2em;
      line-height: 1.4;
    }
    .actor {
      padding: 0;
      border: none;
      background: none;
      text-decoration: underline;
      cursor: pointer;
    }
    .verb {
      font-style: italic;
    }
    blockquote {
      margin: 4px 0;
      padding: 2px 8px;
      border-left: 3px solid var(--gg-highlight, #c67);
    }
    summary {
      cursor: pointer;
      font-size: 0.92em;
    }
    h4 {
      margin: 8px 0 2px;
      font-size: 0.95em;
    }
    h4.upstream {
      color: var(--gg-upstream, #c31);
    }
    h4.downstream {
      color: var(--gg-downstream, #07b);
    }
    .trace {
      margin: 8px 0;
      padding: 6px 8px;
      border: 1px solid var(--gg-border, #999);
      border-radius: 4px;
    }
    .chains {
      margin: 0;
      padding-left: 1.4em;
    }
    .chain {
      font-weight: 600;
    }
    .links {
      margin: 2px 0;
      padding-left: 1em;
      font-size: 0.9em;
    }
    .influence {
      display: block;
      font-size: 0.9em;
    }
    .none {
      margin: 2px 0;
      font-style: italic;
    }
    .link {
      padding: 0;
      border: none;
      background: none;
      text-decoration: underline;
      cursor: pointer;
    }
    .link-evidence {
      margin: 4px 0;
    }
    governance-search {
      margin-top: 8px;
    }
    footer {
      margin-top: 12px;
      font-size: 0.88em;
      opacity: 0.9;
    }
    :focus-visible {
      outline: 2px solid var(--gg-highlight, #c67);
    }
    .missing {
      color: var(--gg-error, #b00);
      font-weight: 600;
    }
    mark {
      background: color-mix(in srgb, var(--gg-highlight, #c67) 22%, var(--gg-background, #fff));
      color: inherit;
    }
  `;

  /** The graph the actor belongs to. */
  @property({ attribute: false }) graph?: Graph;
  /** Id of the actor shown. */
  @property() actor?: string;
  /** Display language. */
  @property() override lang: DisplayLang = 'zh';
  /** The actor's chains of responsibility. */
  @property({ attribute: false }) trace?: Trace;
  /** Chains to a second actor, when one is chosen. */
  @property({ attribute: false }) connection?: Connection;
  /** Whether the trace follows a view's actors only (its "none" wording says so). */
  @property({ type: Boolean, attribute: 'in-view' }) inView = false;
  /** The actors a chain may be traced to (a view's), offered by the chain-to search; the whole graph when absent. */
  @property({ attribute: false }) reachable?: Graph;
  /** Whether influence relations count in the trace. */
  @property({ type: Boolean }) influence = false;
  /** The source text the quotes are checked against, if one is attached. */
  @property({ attribute: false }) source?: SourceText;

  override render() {
    const actor = this.graph?.nodes.find((node) => node.id === this.actor);
    if (!this.graph || !actor) return nothing;
    const lang = this.lang;
    // the heading is the name on the graph; the full name follows when it is longer
    const [first, second] = lang === 'en' ? (['en', 'zh'] as const) : (['zh', 'en'] as const);
    const main = canvasLabel(actor.label, first);
    const full = actor.label[first] !== main ? actor.label[first] : undefined;
    const other = actor.label[second];
    const out = this.graph.edges.filter((edge) => edge.source === actor.id);
    const into = this.graph.edges.filter((edge) => edge.target === actor.id);
    return html`
      <div class="header">
        <h2 id="title">${main}</h2>
        <button class="close" type="button" aria-label=${msg('close', lang)} title=${msg('close', lang)} @click=${this.handleClose}>×</button>
      </div>
      ${full ? html`<p class="other">${full}</p>` : nothing}
      <p class="other" lang=${second}>${other}</p>
      <dl>
        <dt>${msg('sector', lang)}</dt>
        <dd>${inLang(vocabularyOf(this.graph).sectors[actor.sector].name, lang)}</dd>
        ${actor.level ? html`<dt>${msg('level', lang)}</dt><dd>${inLang(LEVELS[actor.level], lang)}</dd>` : nothing}
        ${actor.year ? html`<dt>${msg('year', lang)}</dt><dd>${actor.year}</dd>` : nothing}
      </dl>
      ${actor.description ? html`<p>${inLang(actor.description, lang)}</p>` : nothing}
      ${this.renderTrace(actor)}
      <h3>${msg('relationsOut', lang)}</h3>
      ${this.relationList(out, 'target')}
      <h3>${msg('relationsIn', lang)}</h3>
      ${this.relationList(into, 'source')}
      ${actor.evidence?.length ? html`<h3>${msg('evidence', lang)}</h3>${this.quotes(actor.evidence, true)}` : nothing}
      ${this.reference()}
    `;
  }

  private renderTrace(actor: Actor) {
    const lang = this.lang;
    const trace = this.trace;
    if (!trace) return nothing;
    const name = (id: string) => {
      const label = this.graph!.nodes.find((node) => node.id === id)?.label;
      return label ? inLang(label, oneLang(lang)) : id;
    };
    const connection = this.connection;
    const none = noChainWords(this.inView);
    return html`<section class="trace" aria-labelledby="trace-title">
      <h3 id="trace-title">${msg('traceTitle', lang)}</h3>
      <label class="influence"
        ><input type="checkbox" .checked=${this.influence} @change=${(event: Event) => this.handleInfluence((event.target as HTMLInputElement).checked)} />
        ${msg('includeInfluence', lang)}</label
      >
      ${connection
        ? html`<h4><bdi>${name(actor.id)}</bdi> ${msg('and', lang)} <bdi>${name(connection.to)}</bdi>: ${msg('chainBetween', lang)}</h4>
            ${connection.chains.length > 0
              ? this.chainList(connection.chains, 'path')
              : html`<p class="none">${msg(none.connection, lang)} <bdi>${name(actor.id)}</bdi> ${msg('and', lang)} <bdi>${name(connection.to)}</bdi></p>`}
            <button type="button" class="link" @click=${() => this.handleTraceTo(null)}>${msg('clearChainTo', lang)}</button>`
        : html`<h4 class="upstream">${msg('upstream', lang)}</h4>
            ${trace.upstream.length > 0 ? this.chainList(trace.upstream, 'upstream') : html`<p class="none">${msg(none.upstream, lang)}</p>`}
            <h4 class="downstream">${msg('downstream', lang)}</h4>
            ${trace.downstream.length > 0 ? this.chainList(trace.downstream, 'downstream') : html`<p class="none">${msg(none.downstream, lang)}</p>`}
            <governance-search .graph=${this.reachable ?? this.graph} lang=${lang} label=${msg('chainTo', lang)} @search-pick=${(event: InnerEvent<'search-pick'>) => this.handleTraceTo(event.detail.id)}></governance-search>`}
    </section>`;
  }

  private chainList(chains: Chain[], kind: 'upstream' | 'downstream' | 'path') {
    const lang = this.lang;
    const sentenceLang: Lang = lang === 'en' ? 'en' : 'zh';
    // each name isolated: a right-to-left one must not reorder the arrows and verbs around it
    const sentence = (chain: Chain, language: Lang) => chainParts(this.graph!, chain, language).map((part) => ('name' in part ? html`<bdi>${part.name}</bdi>` : part.link));
    const statements = (chain: Chain) =>
      linkStatements(this.graph!, chain, sentenceLang).map(({ source, verb, target }) => html`<li><bdi>${source}</bdi> ${verb} <bdi>${target}</bdi></li>`);
    return html`<ol class=${`chains ${kind}`}>
      ${chains.map(
        (chain) => html`<li>
          <span class="chain">${sentence(chain, sentenceLang)}</span>
          ${lang === 'both' ? html`<br /><span class="chain" lang="en">${sentence(chain, 'en')}</span>` : nothing}
          <ul class="links">
            ${statements(chain)}
          </ul>
          <details>
            <summary>${msg('evidence', lang)}</summary>
            ${chain.links.flatMap((link) => link.relations).map((relation) => this.relationEvidence(relation))}
          </details>
        </li>`,
      )}
    </ol>`;
  }

  private relationEvidence(relation: Relation) {
    const lang = oneLang(this.lang);
    const label = (id: string) => this.graph!.nodes.find((node) => node.id === id)?.label[lang] ?? id;
    return html`<p class="link-evidence">
      <strong><bdi>${label(relation.source)}</bdi> ${vocabularyOf(this.graph!).relations[relation.relation].verb[lang]}${isInferred(relation) ? INFERRED_MARK : ''} <bdi>${label(relation.target)}</bdi></strong>
      ${this.reading(relation)}
      ${(relation.evidence ?? []).map((item) => html`<blockquote lang="zh">${this.quote(item.quote)}</blockquote>`)}
    </p>`;
  }

  /** "∗ The author's reading: …" under an inferred relation; nothing under a stated one. */
  private reading(relation: Relation) {
    if (!isInferred(relation)) return nothing;
    return html`<span class="reading" role="note">${INFERRED_MARK} ${msg('readingPrefix', this.lang)}${relation.note ? html`: ${inLang(relation.note, this.lang)}` : nothing}</span>`;
  }

  private relationList(relations: Relation[], end: 'source' | 'target') {
    const lang = this.lang;
    if (relations.length === 0) return html`<p>${msg('none', lang)}</p>`;
    return html`<ul>
      ${relations.map((relation) => {
        const other = this.graph!.nodes.find((node) => node.id === relation[end]) as Actor;
        const verb = html`<span class="verb">${inLang(vocabularyOf(this.graph!).relations[relation.relation].verb, lang)}${isInferred(relation) ? INFERRED_MARK : ''}</span>`;
        const name = html`<button class="actor" type="button" @click=${() => this.handleNavigate(other.id)}>${inLang(other.label, oneLang(lang))}</button>`;
        return html`<li>
          ${end === 'target' ? html`${verb} → ${name}` : html`${name} → ${verb}`} ${this.citation(relation)}
          ${this.reading(relation)}
          ${relation.evidence?.length ? this.quotes(relation.evidence, false) : nothing}
        </li>`;
      })}
    </ul>`;
  }

  /** With a source text: whether every quote of a relation is in it (✓) or not (✗). */
  private citation(relation: Relation) {
    const source = this.source;
    if (!source || !relation.evidence?.length) return nothing;
    const found = relation.evidence.every((item) => findQuote(source, item.quote));
    return html`<span class=${found ? 'found' : 'missing'}>${found ? '✓' : `✗ ${msg('quoteNotFound', this.lang)}`}</span>`;
  }

  /** A quote; with a source text, in its sentence, or marked as not found in it. */
  private quote(quote: string) {
    if (!this.source) return html`“${quote}”`;
    const sentence = quoteInSentence(this.source, quote);
    return sentence
      ? html`${sentence.before}<mark>${sentence.quote}</mark>${sentence.after}`
      : html`<span class="missing">✗ ${msg('quoteNotFound', this.lang)}:</span> “${quote}”`;
  }

  private quotes(evidence: Evidence[], open: boolean) {
    const body = evidence.map(
      (item) => html`<blockquote lang="zh">${this.quote(item.quote)}${item.note ? html`<br /><small>${inLang(item.note, this.lang)}</small>` : nothing}</blockquote>`,
    );
    return open ? body : html`<details><summary>${msg('evidence', this.lang)}</summary>${body}</details>`;
  }

  private reference() {
    const source = this.graph?.source;
    if (!source) return nothing;
    const lang = this.lang;
    const parts = [source.title, source.author, source.publication].filter((part) => part !== undefined).map((part) => inLang(part, lang));
    const safeUrl = source.url && /^https?:\/\//i.test(source.url) ? source.url : undefined;
    return html`<footer>
      ${msg('sourceRef', lang)}: ${parts.join(', ')}${safeUrl ? html` <a href=${safeUrl} rel="noopener noreferrer" target="_blank">${safeUrl}</a>` : nothing}
    </footer>`;
  }

  private handleNavigate(id: string) {
    emitInner(this, 'panel-navigate', { id });
  }

  private handleClose() {
    emitInner(this, 'panel-close', null);
  }

  private handleTraceTo(id: string | null) {
    emitInner(this, 'panel-trace-to', { id });
  }

  private handleInfluence(influence: boolean) {
    emitInner(this, 'panel-influence', { influence });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'governance-actor-panel': GovernanceActorPanel;
  }
}
