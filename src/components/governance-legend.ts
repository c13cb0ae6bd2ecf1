import { LitElement, css, html, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { msg, inLang } from '../model/messages.js';
import type { DisplayLang, RelationType, Sector } from '../model/types.js';
import { BUILT_IN_VOCABULARY, INFERRED, INFERRED_MARK, type Vocabulary } from '../model/vocabulary.js';
import { inferredBadge, type RelationStyle } from '../render/palette.js';
import { COLOUR_NAMES, dashOf, rulesOf, swatchLook } from '../render/looks.js';
import { emitInner } from './events.js';
import { visuallyHidden } from './theme.styles.js';
import type { LegendPlace } from '../render/legend-room.js';
import { arrowPath, shapePath } from '../render/shapes.js';

/**
 * The legend of a governance graph: the sectors and relations on screen, and the mark of the
 * author's readings when some are, each a toggle button that hides or shows them.
 *
 * @event legend-toggle - `{ key }`: the user toggled a sector, a relation type or `inferred`.
 */
@customElement('governance-legend')
export class GovernanceLegend extends LitElement {
  static override styles = css`
    :host {
      display: block;
      overflow: auto;
      padding: 4px 8px;
      border-top: 1px solid var(--gg-border, #999);
      font-size: 0.82em;
    }
    summary {
      cursor: pointer;
      font-weight: 600;
    }
    /* on a slide every line of height is the graph's: no heading to fold with, tighter entries */
    :host([compact]) {
      padding: 2px 8px;
    }
    :host([compact]) button {
      padding: 0 4px;
    }
    /* one flow of entries, sectors then relations, their headings for screen readers only: a line less on most slides */
    :host([compact]) .rows {
      display: block;
    }
    :host([compact]) h3 {
      ${visuallyHidden}
    }
    :host([compact]) ul,
    :host([compact]) li {
      display: inline;
    }
    .rows {
      display: grid;
      grid-template-columns: auto 1fr;
      align-items: baseline;
      gap: 0 8px;
    }
    h3 {
      margin: 0;
      font-size: 1em;
      font-weight: 600;
    }
    ul {
      display: flex;
      flex-wrap: wrap;
      gap: 0 2px;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    button {
      display: inline-flex;
      align-items: center;
      gap: 6px;
      padding: 2px 6px;
      border: 1px solid transparent;
      border-radius: 4px;
      background: none;
      color: inherit;
      font: inherit;
      cursor: pointer;
    }
    button:hover {
      border-color: var(--gg-border, #999);
    }
    button:focus-visible {
      outline: 2px solid var(--gg-highlight, #c67);
    }
    /* hidden entries are struck through and dashed, never faded: their text keeps its contrast */
    button[aria-pressed='false'] {
      border: 1px dashed currentColor;
      text-decoration: line-through;
    }
    button[aria-pressed='false'] svg {
      opacity: 0.35;
    }
    svg {
      flex: none;
      overflow: visible;
    }
    .badge {
      fill: var(--gg-background, #fff);
    }
    /* the theme colours the table of looks names (see COLOUR_NAMES) */
    .edge {
      color: var(--gg-edge);
    }
    .edgeSoft {
      color: var(--gg-edge-soft);
    }
  `;

  /** Sectors present in the graph, in hierarchy order. */
  @property({ attribute: false }) sectors: Sector[] = [];
  /** Relation types present in the graph, in vocabulary order. */
  @property({ attribute: false }) relations: RelationType[] = [];
  /** Whether some relations on screen are the author's reading (inferred), so the legend explains their mark. */
  @property({ type: Boolean }) inferred = false;
  /** Sectors and relation types currently hidden. */
  @property({ attribute: false }) hiddenKeys: ReadonlySet<string> = new Set();
  /** Display language. */
  @property() override lang: DisplayLang = 'zh';
  /** For a slide (`static`): the entries alone, without the heading that folds them. */
  @property({ type: Boolean, reflect: true }) compact = false;

  /** The sectors and relations the graph speaks of: names and looks of the entries (default: the built-in ones). */
  @property({ attribute: false }) vocabulary: Vocabulary = BUILT_IN_VOCABULARY;

  /**
   * On a slide, where it stands over the canvas (see `FloatingLegend`): its height in px at a width,
   * `Infinity` where an entry is wider or it would have to scroll.
   */
  heightAt(width: number): number {
    this.style.width = `${width}px`;
    return this.scrollWidth > this.clientWidth + 1 || this.scrollHeight > this.clientHeight + 1 ? Infinity : this.getBoundingClientRect().height;
  }

  /** On a slide: stands in a corner at a width, or (none) along the canvas's bottom; returns its height there in px. */
  place(place: LegendPlace | undefined): number {
    this.style.width = place ? `${place.width}px` : '';
    if (place) this.dataset.corner = place.corner;
    else delete this.dataset.corner;
    return this.getBoundingClientRect().height;
  }

  override render() {
    const lang = this.lang;
    const vocabulary = this.vocabulary;
    // the table of looks with the theme's colours by name: swatches look as the canvas draws, in the theme's colours from CSS
    const rules = rulesOf(COLOUR_NAMES, vocabulary);
    const rows = html`<div class="rows">
      <h3 id="sectors">${msg('sectors', lang)}</h3>
      <ul aria-labelledby="sectors">
        ${this.sectors.map((sector) => {
          const look = swatchLook(rules, vocabulary, { sector });
          return this.item(sector, inLang(vocabulary.sectors[sector].name, lang), svg`<svg width="22" height="14" aria-hidden="true"><path d=${shapePath(look.shape!, 22, 14)} fill=${look.fill!} stroke="currentColor" stroke-width="0.8"/></svg>`);
        })}
      </ul>
      <h3 id="relations">${msg('relations', lang)}</h3>
      <ul aria-labelledby="relations">
        ${this.relations.map((relation) => {
          const look = swatchLook(rules, vocabulary, { relation });
          const width = Math.min(look.width ?? 1, 3);
          const { pattern, cap } = dashOf({ ...look, width });
          return this.item(
            relation,
            inLang(vocabulary.relations[relation].verb, lang),
            // the theme's colour by class, and attributes, not inline style, which a strict Content-Security-Policy would block
            svg`<svg class=${look.colour!} width="36" height="12" aria-hidden="true">
              <line x1="1" y1="6" x2="28" y2="6" stroke="currentColor" stroke-width=${width} stroke-dasharray=${pattern.length ? pattern.join(' ') : 'none'} stroke-linecap=${cap}/>
              <path d=${arrowPath(look.targetArrow as RelationStyle['arrow'], 35, 6, 8)} fill="currentColor"/>
            </svg>`,
          );
        })}
        ${this.inferred ? this.item(INFERRED, msg('inferredLegend', lang), this.inferredSwatch()) : ''}
      </ul>
    </div>`;
    if (this.compact) return html`<section aria-label=${msg('legend', lang)}>${rows}</section>`;
    return html`
      <details open>
        <summary title=${msg('legendHint', lang)}>${msg('legend', lang)} <small>(${msg('legendHint', lang)})</small></summary>
        ${rows}
      </details>
    `;
  }

  /** A short line with the mark of inferred relations, as drawn on the canvas (smaller). */
  private inferredSwatch() {
    const badge = inferredBadge(0.6);
    return svg`<svg width="36" height="16" aria-hidden="true">
      <line x1="1" y1="8" x2="35" y2="8" stroke="currentColor" stroke-width="1.5"/>
      <circle class="badge" cx="18" cy="8" r=${badge.radius} stroke="currentColor" stroke-width="1"/>
      <text x="18" y=${8 + badge.baseline} font-size=${badge.fontSize} font-weight="bold" fill="currentColor" text-anchor="middle">${INFERRED_MARK}</text>
    </svg>`;
  }

  private item(key: string, name: string, swatch: unknown) {
    const shown = !this.hiddenKeys.has(key);
    return html`<li>
      <button type="button" aria-pressed=${shown ? 'true' : 'false'} data-key=${key} @click=${() => this.handleToggle(key)}>
        ${swatch}<span>${name}</span>
      </button>
    </li>`;
  }

  private handleToggle(key: string) {
    emitInner(this, 'legend-toggle', { key });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'governance-legend': GovernanceLegend;
  }
}
