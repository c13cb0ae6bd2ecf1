import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { BUILTIN_COMPARISON, builtinModel } from '../model/builtin.js';
import { compareModels, counterpartsOf, type ComparisonSummary } from '../model/compare.js';
import type { Comparison, ComparisonCell } from '../model/comparison.js';
import { chainHeadline, inLang, msg, oneLang } from '../model/messages.js';
import type { DisplayLang, Graph } from '../model/types.js';
import { longestChain } from '../model/trace.js';
import { INFERRED_MARK, sharedVocabulary } from '../model/vocabulary.js';
import { legendIn, selectView } from '../render/elements.js';
import type { Theme } from '../render/palette.js';
import { loadPptxWriter, PPTX_TYPE } from '../render/pptx-loader.js';
import type { SlideDeck, SlideLegendEntry } from '../render/slides.js';
import { textOr } from './attribute.js';
import { emit, type ActorHoverEvent, type ActorSelectEvent, type InnerEvent, type TraceChangeEvent } from './events.js';
import { parseHidden, toggleHidden } from './hide-list.js';
import { styles } from './governance-compare.styles.js';
import type { GovernanceGraph } from './governance-graph.js';
import './governance-graph.js';
import './governance-legend.js';

type Side = 'left' | 'right';

/** The narrowest a pane gets, as a share of the width: enough for a flat model of a few actors to read as large as a layered one of many beside it. */
const PANE_SHARE = 0.43;

/**
 * Two governance models side by side, each laid out for its own pane (a layered chain against a
 * flat partnership), under a headline of the difference, with one legend, counterparts marked
 * across on hover, a difference summary and the comparison table.
 *
 * @event graph-ready - from each side, as `<governance-graph>` fires it.
 * @event filter-change - `{ hidden }`: the user hid or showed a sector or relation in the shared legend.
 *
 * @csspart headline - the one-line difference above the graphs.
 * @csspart left - the left `<governance-graph>`.
 * @csspart right - the right `<governance-graph>`.
 * @csspart legend - the shared legend.
 * @csspart summary - the difference summary.
 * @csspart table - the comparison table.
 *
 * @example
 * <governance-compare left="domestic" right="foreign" lang="en" style="height: 100vh"></governance-compare>
 */
@customElement('governance-compare')
export class GovernanceCompare extends LitElement {
  static override styles = styles;

  /** Built-in model id or URL of the left side. */
  @property({ converter: textOr('domestic') }) left = 'domestic';
  /** Built-in model id or URL of the right side. */
  @property({ converter: textOr('foreign') }) right = 'foreign';
  /** Label language: `zh` (default), `en`, or `both`. */
  @property({ reflect: true }) override lang: DisplayLang = 'zh';
  /** `light`, `dark` or `projector`; absent: as the reader's system prefers. */
  @property({ reflect: true }) theme?: Theme;
  /** Hide the comparison table and summary, leaving the two graphs. */
  @property({ type: Boolean, attribute: 'hide-table', reflect: true }) hideTable = false;
  /** Comma-separated sectors and relation types hidden on both sides. */
  @property({ converter: textOr('') }) hide = '';
  /** A view of the left model to show instead of the comparison's (e.g. `city`, the level the foreign model works at). */
  @property({ attribute: 'left-view', converter: textOr('') }) leftView = '';
  /** A view of the right model to show instead of the comparison's. */
  @property({ attribute: 'right-view', converter: textOr('') }) rightView = '';
  /** For slides and print: both sides static (no search boxes, pan, zoom or selection) and the legend compact. */
  @property({ type: Boolean, reflect: true }) static = false;

  @state() private graphs: Partial<Record<Side, Graph>> = {};
  @state() private marked: Record<Side, readonly string[]> = { left: [], right: [] };

  @query('[part="left"]') private leftGraph?: GovernanceGraph;
  @query('[part="right"]') private rightGraph?: GovernanceGraph;

  private picked: Partial<Record<Side, string>> = {};

  /** The comparison data for the two sides, if the models have one. */
  private get comparison(): Comparison | undefined {
    const c = BUILTIN_COMPARISON;
    return c.left === this.left && c.right === this.right ? c : undefined;
  }

  /** The difference summary; it walks both graphs, so it is worked out once per pair of graphs, not per hover. */
  private summary?: ComparisonSummary;

  /** What each side shows (its view of its model); worked out once per pair of views, for the panes' widths, the legend and the headline. */
  private shown: Partial<Record<Side, ReturnType<typeof selectView>>> = {};

  /** The headline's longest chain on each side, in the view shown there (the summary counts whole models). */
  private shownChains?: Record<Side, number>;

  override willUpdate(changed: PropertyValues): void {
    // a built-in side is known at once: the shared legend takes its room before the sides lay out for their panes' shape
    if (changed.has('left') || changed.has('right')) {
      const side = (name: Side, id: string) => (changed.has(name) ? builtinModel(id) : this.graphs[name]);
      this.graphs = { left: side('left', this.left), right: side('right', this.right) };
    }
    if (changed.has('graphs') || changed.has('left') || changed.has('right')) {
      const { left, right } = this.graphs;
      this.summary = left && right ? compareModels(left, right, this.comparison) : undefined;
    }
    if (['graphs', 'left', 'right', 'leftView', 'rightView'].some((name) => changed.has(name))) {
      const comparison = this.comparison;
      const shownOn = (side: Side) => {
        const graph = this.graphs[side];
        return graph && selectView(graph, this.viewOf(side, comparison));
      };
      this.shown = { left: shownOn('left'), right: shownOn('right') };
      const [left, right] = [this.shownChainLength('left'), this.shownChainLength('right')];
      this.shownChains = left !== undefined && right !== undefined ? { left, right } : undefined;
    }
  }

  private get hiddenKeys(): Set<string> {
    return parseHidden(this.hide);
  }

  override render() {
    const lang = this.lang;
    const comparison = this.comparison;
    return html`<div class="frame">
      ${this.renderHeadline(lang)}
      <div class="graphs" data-legend=${this.legendSide()}>
        ${(['left', 'right'] as const).map((side) => this.renderSide(side, comparison))} ${this.renderLegend(lang)}
      </div>
      ${this.hideTable
        ? nothing
        : html`<details class="below">
            <summary>${msg('differencesAndTable', lang)}</summary>
            ${this.renderSummary(lang)} ${this.renderTable(comparison, lang)}
          </details>`}
    </div>`;
  }

  /**
   * The panes' widths, as grid fractions: each side's share of the actors shown, between
   * `PANE_SHARE` and its complement, so a layered model of many actors gets the room it needs
   * beside a flat one of a few.
   */
  private paneShares(): string {
    const [left, right] = [this.actorCount('left'), this.actorCount('right')];
    const share = Math.min(1 - PANE_SHARE, Math.max(PANE_SHARE, left / (left + right)));
    return `minmax(0, ${share.toFixed(3)}fr) minmax(0, ${(1 - share).toFixed(3)}fr)`;
  }

  /** How many actors a side shows (one while its model loads). */
  private actorCount(side: Side): number {
    return this.shown[side]?.actors.length ?? 1;
  }

  /** The side the shared legend stands under: the one of fewer actors, whose graph, flatter, leaves room below it. */
  private legendSide(): Side {
    return this.actorCount('right') <= this.actorCount('left') ? 'right' : 'left';
  }

  override updated(): void {
    // through the CSSOM: a strict Content-Security-Policy blocks style attributes, not this
    const graphs = this.renderRoot.querySelector<HTMLElement>('.graphs');
    if (graphs) graphs.style.gridTemplateColumns = this.paneShares();
  }

  /** Fits each graph into its pane. */
  fit(): void {
    this.leftGraph?.fit();
    this.rightGraph?.fit();
  }

  /**
   * The difference at a glance, in one line: how long the longest chain of accountability is on each side, among what it
   * shows, in the panes' order ("4 links against 1"); the models' titles, which head the panes, for screen readers only.
   */
  private renderHeadline(lang: DisplayLang) {
    const { left, right } = this.graphs;
    const links = this.shownChains;
    if (!left || !right || !links) return html`<p part="headline"></p>`;
    // one sentence in one language, as a sentence cannot be in two
    const one = oneLang(lang);
    const headline = chainHeadline(one, links.left, links.right);
    const side = (graph: Graph, [count, unit]: readonly [number, string]) => html`<span class="headline-side"
      ><span class="visually-hidden">${inLang(graph.title, one)} </span><strong>${count}</strong>${unit}</span
    >`;
    return html`<p part="headline" lang=${one}>${headline.before}${side(left, headline.left)}${headline.between}${side(right, headline.right)}</p>`;
  }

  /** Links of the longest chain of accountability among the actors and relations a side shows (its view). */
  private shownChainLength(side: Side): number | undefined {
    const graph = this.graphs[side];
    const shown = this.shown[side];
    if (!graph || !shown) return undefined;
    return longestChain({ ...graph, nodes: shown.actors, edges: shown.relations })?.links.length ?? 0;
  }

  /**
   * The comparison as one slide (see `GovernanceGraph.exportSlides`): the two graphs side by side,
   * each filling its half as each fills its pane on screen, under its model's title, with one
   * legend and the notes of both sides.
   *
   * @throws when either graph is not drawn yet.
   */
  async exportSlides(): Promise<SlideDeck> {
    const [a, b] = [this.leftGraph, this.rightGraph];
    if (!a || !b) throw new Error('The graphs are not drawn yet: wait for graph-ready on both sides before exporting.');
    const decks = await Promise.all([a.exportSlides({ steps: false }), b.exportSlides({ steps: false })]);
    const [left, right] = decks.map((deck) => deck.slides[0]);
    const vocabulary = sharedVocabulary(this.graphs.left, this.graphs.right);
    const rank = (list: readonly string[], key: string) => (list.includes(key) ? list.indexOf(key) : list.length);
    const order = (entry: SlideLegendEntry) =>
      entry.kind === 'sector' ? rank(vocabulary.sectorTypes, entry.key) : entry.kind === 'relation' ? 1_000 + rank(vocabulary.relationTypes, entry.key) : 2_000;
    const legend = [...new Map([...left.legend, ...right.legend].map((entry) => [entry.key, entry])).values()].sort((x, y) => order(x) - order(y));
    const title = msg('compare', this.lang);
    return {
      title,
      lang: this.lang,
      colours: decks[0].colours,
      slides: [
        {
          title,
          panels: [
            // under each model's title, as on screen
            { ...left.panels[0], title: inLang(a.graph!.title, this.lang) },
            { ...right.panels[0], title: inLang(b.graph!.title, this.lang) },
          ],
          legend,
          source: left.source,
          notes: `${inLang(a.graph!.title, this.lang)}\n\n${left.notes}\n\n\n${inLang(b.graph!.title, this.lang)}\n\n${right.notes}`,
        },
      ],
    };
  }

  /** The comparison as a one-slide PowerPoint file (see `exportSlides`). @throws when either graph is not drawn yet. */
  async exportPptx(): Promise<Blob> {
    const [deck, { deckToPptx }] = await Promise.all([this.exportSlides(), loadPptxWriter()]);
    return new Blob([await deckToPptx(deck)], { type: PPTX_TYPE });
  }

  /** The view shown on a side: the one asked for, else the comparison's. */
  private viewOf(side: Side, comparison: Comparison | undefined): string | undefined {
    return (side === 'left' ? this.leftView || comparison?.leftView : this.rightView || comparison?.rightView) || undefined;
  }

  private renderSide(side: Side, comparison: Comparison | undefined) {
    const id = side === 'left' ? this.left : this.right;
    const builtin = builtinModel(id);
    const view = this.viewOf(side, comparison);
    const graph = this.graphs[side];
    return html`<section class="side" aria-label=${graph ? inLang(graph.title, this.lang) : id}>
      <h2>${graph ? inLang(graph.title, this.lang) : id}</h2>
      <governance-graph
        part=${side}
        model=${ifDefined(builtin ? id : undefined)}
        src=${ifDefined(builtin ? undefined : id)}
        view=${ifDefined(view)}
        layout="rows"
        lang=${this.lang}
        theme=${ifDefined(this.theme)}
        hide=${this.hide}
        ?static=${this.static}
        .counterparts=${this.marked[side]}
        @graph-ready=${(event: Event) => this.handleReady(side, event)}
        @actor-hover=${(event: ActorHoverEvent) => this.handlePoint(side, event.detail.id, false)}
        @actor-select=${(event: ActorSelectEvent) => this.handlePoint(side, event.detail.id, true)}
        @trace-change=${(event: TraceChangeEvent) => event.detail.id === null && this.handlePoint(side, null, true)}
      ></governance-graph>
    </section>`;
  }

  /** One legend for both sides, placed by the grid under the side of fewer actors; it lists what is on screen: the views shown, not the whole models. */
  private renderLegend(lang: DisplayLang) {
    const shown = [this.shown.left, this.shown.right].filter((view) => view !== undefined);
    const vocabulary = sharedVocabulary(this.graphs.left, this.graphs.right);
    const legend = legendIn(vocabulary, ...shown);
    return html`<governance-legend
      part="legend"
      ?compact=${this.static}
      .vocabulary=${vocabulary}
      .sectors=${legend.sectors}
      .relations=${legend.relations}
      ?inferred=${legend.inferred}
      .hiddenKeys=${this.hiddenKeys}
      lang=${lang}
      @legend-toggle=${(event: InnerEvent<'legend-toggle'>) => this.handleLegendToggle(event.detail.key)}
    ></governance-legend>`;
  }

  private renderSummary(lang: DisplayLang) {
    const summary = this.summary;
    const { left, right } = this.graphs;
    if (!summary || !left || !right) return nothing;
    const one = (name: Record<'zh' | 'en', string>) => inLang(name, oneLang(lang));
    const vocabulary = sharedVocabulary(left, right);
    const side = (graph: Graph, s: ComparisonSummary['left'], only: ComparisonSummary['onlyLeft']) => html`<div class="summary-side" data-side=${s.id}>
      <h3>${inLang(graph.title, lang)}</h3>
      <p>
        <strong class="count" data-count="actors">${s.actors}</strong> ${msg('actors', lang)} ·
        <strong class="count" data-count="relations">${s.relations}</strong> ${msg('relationCount', lang)} ·
        ${msg('longestChain', lang)}: <strong class="count" data-count="longest-chain">${s.longestChain}</strong> ${msg('links', lang)}${s.longestChainReadings > 0
          ? html` (${s.longestChainReadings} ${INFERRED_MARK} ${msg('inferred', lang)})`
          : nothing}
      </p>
      <details class="counts">
        <summary>${msg('countsBySector', lang)}</summary>
        <p class="sectors">
          ${vocabulary.sectorTypes.filter((sector) => s.bySector[sector] > 0).map((sector) => html`<span class="chip">${one(vocabulary.sectors[sector].name)} ${s.bySector[sector]}</span>`)}
        </p>
        <p class="relations">
          ${vocabulary.relationTypes.filter((relation) => s.byRelation[relation] > 0).map(
            (relation) => html`<span class="chip" data-relation=${relation}>${one(vocabulary.relations[relation].verb)} ${s.byRelation[relation]}</span>`,
          )}
        </p>
      </details>
      ${only.sectors.length + only.relations.length > 0
        ? html`<p class="only">
            ${msg('onlyHere', lang)}: ${[...only.sectors.map((sector) => one(vocabulary.sectors[sector].name)), ...only.relations.map((relation) => one(vocabulary.relations[relation].verb))].join(lang === 'en' ? ', ' : '、')}
          </p>`
        : nothing}
    </div>`;
    return html`<section part="summary" aria-labelledby="summary-title">
      <h2 id="summary-title">${msg('differences', lang)} <small>(${msg('wholeModels', lang)})</small></h2>
      <p class="hint">${msg('counterpartHint', lang)}</p>
      <div class="summary-sides">${side(left, summary.left, summary.onlyLeft)} ${side(right, summary.right, summary.onlyRight)}</div>
    </section>`;
  }

  private renderTable(comparison: Comparison | undefined, lang: DisplayLang) {
    if (!comparison) return html`<p part="table">${msg('noComparison', lang)}</p>`;
    const { left, right } = this.graphs;
    const group = (kind: 'dimension' | 'contrast', title: string) => {
      const rows = comparison.rows.filter((row) => row.kind === kind);
      return html`<tbody>
        <tr class="group"><th colspan="3" scope="rowgroup">${title}</th></tr>
        ${rows.map((row) => html`<tr data-row=${row.id}><th scope="row">${inLang(row.dimension, lang)}</th>${this.cell(row.left, lang)}${this.cell(row.right, lang)}</tr>`)}
      </tbody>`;
    };
    return html`<table part="table">
      <caption>
        ${inLang(comparison.title, lang)}
      </caption>
      <thead>
        <tr>
          <th scope="col">${msg('dimension', lang)}</th>
          <th scope="col">${left ? inLang(left.title, lang) : this.left}</th>
          <th scope="col">${right ? inLang(right.title, lang) : this.right}</th>
        </tr>
      </thead>
      ${group('dimension', msg('dimensions', lang))} ${group('contrast', msg('contrasts', lang))}
    </table>`;
  }

  private cell(cell: ComparisonCell, lang: DisplayLang) {
    if ('notStated' in cell) return html`<td class="not-stated"><em>${msg('notStated', lang)}</em></td>`;
    return html`<td>
      ${inLang(cell.text, lang)}
      <details>
        <summary>${msg('evidence', lang)}</summary>
        ${cell.evidence.map((item) => html`<blockquote lang="zh">“${item.quote}”</blockquote>`)}
      </details>
    </td>`;
  }

  private handleReady(side: Side, event: Event) {
    const graph = (event.target as GovernanceGraph).graph;
    if (graph && this.graphs[side] !== graph) this.graphs = { ...this.graphs, [side]: graph };
  }

  /** An actor pointed at or picked on one side marks its counterparts on the other. */
  private handlePoint(side: Side, id: string | null, picked: boolean) {
    if (picked) this.picked[side] = id ?? undefined;
    const focus = id ?? this.picked[side];
    const other: Side = side === 'left' ? 'right' : 'left';
    this.marked = { ...this.marked, [other]: focus ? counterpartsOf(this.comparison, side, focus) : [] };
  }

  private handleLegendToggle(key: string) {
    const hidden = toggleHidden(this.hide, key);
    this.hide = hidden.join(',');
    emit(this, 'filter-change', { hidden });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'governance-compare': GovernanceCompare;
  }
}
