import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { findActors } from '../model/search.js';
import type { Actor, DisplayLang, Graph } from '../model/types.js';
import { emitInner } from './events.js';

let instances = 0;

/** Pause in typing, in milliseconds, before the search runs: each search reads every name. */
export const SEARCH_DELAY = 150;

/**
 * A combobox that finds actors by partial Chinese or English name.
 *
 * @event search-pick - `{ id }`: the user picked an actor (Enter or click).
 */
@customElement('governance-search')
export class GovernanceSearch extends LitElement {
  static override styles = css`
    :host {
      display: block;
      position: relative;
      font-size: 0.9em;
    }
    input {
      box-sizing: border-box;
      width: 100%;
      padding: 4px 8px;
      border: 1px solid var(--gg-border, #999);
      border-radius: 4px;
      background: var(--gg-background, #fff);
      color: inherit;
      font: inherit;
    }
    input:focus-visible {
      outline: 2px solid var(--gg-highlight, #c67);
    }
    ul {
      position: absolute;
      z-index: 2;
      left: 0;
      right: 0;
      margin: 2px 0 0;
      padding: 2px 0;
      max-height: 60vh;
      overflow: auto;
      list-style: none;
      border: 1px solid var(--gg-border, #999);
      border-radius: 4px;
      background: var(--gg-background, #fff);
      box-shadow: 0 2px 8px rgb(0 0 0 / 0.2);
    }
    li {
      padding: 3px 8px;
      cursor: pointer;
    }
    li[aria-selected='true'] {
      background: color-mix(in srgb, var(--gg-highlight, #c67) 30%, transparent);
    }
    small {
      opacity: 0.8;
    }
  `;

  /** The graph to search. */
  @property({ attribute: false }) graph?: Graph;
  /** Display language of the results. */
  @property() override lang: DisplayLang = 'zh';
  /** Placeholder and accessible name of the input. */
  @property() label = '';

  /** What is typed. */
  @state() private query = '';
  /** What was searched for: the query once typing pauses. */
  @state() private searched = '';
  @state() private active = 0;
  @state() private open = false;

  private readonly listId = `governance-search-${++instances}`;
  private results: Actor[] = [];
  private typing?: ReturnType<typeof setTimeout>;

  override disconnectedCallback(): void {
    clearTimeout(this.typing);
    super.disconnectedCallback();
  }

  override willUpdate(changed: PropertyValues): void {
    if (changed.has('searched') || changed.has('graph')) this.results = this.graph ? findActors(this.graph, this.searched) : [];
  }

  override render() {
    const matches = this.open ? this.results : [];
    const [main, other] = this.lang === 'en' ? (['en', 'zh'] as const) : (['zh', 'en'] as const);
    return html`
      <input
        type="search"
        role="combobox"
        autocomplete="off"
        aria-autocomplete="list"
        aria-label=${this.label}
        placeholder=${this.label}
        aria-expanded=${matches.length > 0 ? 'true' : 'false'}
        aria-controls=${this.listId}
        aria-activedescendant=${matches.length > 0 ? `${this.listId}-${this.active}` : ''}
        .value=${this.query}
        @input=${this.handleInput}
        @keydown=${this.handleKeydown}
        @blur=${() => (this.open = false)}
      />
      ${matches.length > 0
        ? html`<ul id=${this.listId} role="listbox">
            ${matches.map(
              (actor, i) => html`<li
                id=${`${this.listId}-${i}`}
                role="option"
                aria-selected=${i === this.active ? 'true' : 'false'}
                @mousedown=${(event: Event) => event.preventDefault()}
                @click=${() => this.pick(actor)}
              >
                <bdi>${actor.label[main]}</bdi> <small><bdi>${actor.label[other]}</bdi></small>
              </li>`,
            )}
          </ul>`
        : nothing}
    `;
  }

  private handleInput(event: InputEvent) {
    this.query = (event.target as HTMLInputElement).value;
    this.active = 0;
    this.open = true;
    clearTimeout(this.typing);
    this.typing = setTimeout(() => (this.searched = this.query), SEARCH_DELAY);
  }

  /** Searches for what is typed now, not waiting for the pause (a key acts on the results). */
  private searchNow() {
    clearTimeout(this.typing);
    if (this.searched === this.query) return;
    this.searched = this.query;
    this.results = this.graph ? findActors(this.graph, this.query) : [];
  }

  private handleKeydown(event: KeyboardEvent) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp' || event.key === 'Enter') this.searchNow();
    const count = this.results.length;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      this.open = true;
      if (count > 0) this.active = (this.active + (event.key === 'ArrowDown' ? 1 : count - 1)) % count;
    } else if (event.key === 'Enter') {
      const actor = this.results[this.active];
      if (actor) this.pick(actor);
    } else if (event.key === 'Escape') {
      // a closed list lets Escape through, to clear the trace
      if (!this.open || count === 0) return;
      this.open = false;
    }
    // keys typed here must not drive the graph or the slide deck around it
    event.stopPropagation();
  }

  private pick(actor: Actor) {
    clearTimeout(this.typing);
    this.query = '';
    this.searched = '';
    this.open = false;
    emitInner(this, 'search-pick', { id: actor.id });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'governance-search': GovernanceSearch;
  }
}
