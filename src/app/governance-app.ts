import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../components/governance-compare.js';
import '../components/governance-graph.js';
import type { GovernanceCompare } from '../components/governance-compare.js';
import type { GovernanceGraph } from '../components/governance-graph.js';
import { fontFamily, themedHost, visuallyHidden } from '../components/theme.styles.js';
import { BUILTIN_MODELS, builtinModel } from '../model/builtin.js';
import { inLang, msg, oneLang, type MessageKey } from '../model/messages.js';
import type { DisplayLang } from '../model/types.js';
import { THEMES, type Theme } from '../render/palette.js';
import { exportName, formatHash, parseHash, type AppState } from './app-state.js';

const LANG_NAMES: Readonly<Record<DisplayLang, string>> = { zh: '中文', en: 'English', both: '中英' };
const THEME_KEYS: Readonly<Record<Theme, MessageKey>> = { light: 'themeLight', dark: 'themeDark', projector: 'themeProjector' };

/**
 * The app page: a toolbar (model, view, language, theme, fit) over a `<governance-graph>` that
 * fills the window. The choice lives in the URL hash, so a link reopens the same view.
 */
@customElement('governance-app')
export class GovernanceApp extends LitElement {
  static override styles = [
    themedHost,
    css`
    :host {
      display: flex;
      flex-direction: column;
      height: 100vh;
      font-family: ${fontFamily};
    }
    header {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 6px 12px;
      padding: 6px 12px;
      font-size: 0.9rem;
      border-bottom: 1px solid var(--gg-border);
      background: color-mix(in srgb, var(--gg-background) 94%, var(--gg-text));
      color: var(--gg-text);
    }
    h1 {
      margin: 0 8px 0 0;
      font-size: 1.1rem;
    }
    /* the language choice is a labelled group, not a fieldset: WebKit puts a legend above its radio buttons */
    label,
    [role='radiogroup'] {
      display: inline-flex;
      align-items: center;
      gap: 6px;
      font-size: 0.95rem;
    }
    select,
    button {
      padding: 3px 6px;
      font: inherit;
    }
    select {
      max-width: 11em;
      text-overflow: ellipsis;
    }
    /* one toolbar row on a 1280 px projector: the page title is in the tab, and still read out */
    @media (max-width: 1500px) {
      h1 {
        ${visuallyHidden}
      }
    }
    [role='radiogroup'] label {
      gap: 3px;
    }
    main {
      display: flex;
      flex: 1;
      flex-direction: column;
      min-height: 0;
    }
    governance-graph,
    governance-compare {
      flex: 1;
      height: auto;
      min-height: 0;
    }
    .notice {
      margin: 0;
      color: var(--gg-error);
    }
  `,
  ];

  @state() private state: AppState = parseHash(location.hash);
  /** The last export could not be made; cleared by the next one. */
  @state() private exportFailed = false;

  private readonly handleHashChange = () => {
    this.state = parseHash(location.hash);
  };

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.handleHashChange);
  }

  override disconnectedCallback(): void {
    window.removeEventListener('hashchange', this.handleHashChange);
    super.disconnectedCallback();
  }

  override updated(): void {
    const lang = this.state.lang;
    document.documentElement.lang = lang === 'en' ? 'en' : 'zh';
    document.title = msg('appTitle', lang);
    if (this.state.theme) this.setAttribute('theme', this.state.theme);
    else this.removeAttribute('theme');
  }

  override render() {
    const { model, view, lang, theme, hide } = this.state;
    const comparing = model === 'compare';
    const current = builtinModel(model);
    // no view in the link: the model's first view, its readable overview; `all`: the whole model
    const shownView = view === 'all' ? undefined : view || current?.views?.[0]?.id;
    const titleLang = oneLang(lang);
    return html`
      <header>
        <h1>${msg('appTitle', lang)}</h1>
        <label
          >${msg('model', lang)}
          <select @change=${(e: Event) => this.set({ model: (e.target as HTMLSelectElement).value, view: '', hide: '', trace: '', to: '' })}>
            ${Object.values(BUILTIN_MODELS).map((graph) => html`<option value=${graph.id} ?selected=${graph.id === model}>${inLang(graph.title, titleLang)}</option>`)}
            <option value="compare" ?selected=${comparing}>${msg('compare', lang)}</option>
          </select>
        </label>
        <label
          >${msg('view', lang)}
          <select ?disabled=${comparing || !current?.views?.length} @change=${(e: Event) => this.set({ view: (e.target as HTMLSelectElement).value })}>
            <option value="all" ?selected=${!shownView}>${msg('wholeModel', lang)}</option>
            ${(current?.views ?? []).map((v) => html`<option value=${v.id} ?selected=${v.id === shownView}>${inLang(v.title, titleLang)}</option>`)}
          </select>
        </label>
        <div role="radiogroup" aria-labelledby="lang-label">
          <span id="lang-label">${msg('language', lang)}</span>
          ${(Object.keys(LANG_NAMES) as DisplayLang[]).map(
            (value) => html`<label
              ><input type="radio" name="lang" .checked=${value === lang} @change=${() => this.set({ lang: value })} />${LANG_NAMES[value]}</label
            >`,
          )}
        </div>
        <label
          >${msg('theme', lang)}
          <select @change=${(e: Event) => this.set({ theme: (e.target as HTMLSelectElement).value as Theme | '' })}>
            <option value="" ?selected=${!theme}>${msg('themeAuto', lang)}</option>
            ${THEMES.map((value) => html`<option value=${value} ?selected=${value === theme}>${msg(THEME_KEYS[value], lang)}</option>`)}
          </select>
        </label>
        <button type="button" @click=${() => this.shadowRoot!.querySelector<GovernanceGraph | GovernanceCompare>('governance-graph, governance-compare')?.fit()}>
          ${msg('fit', lang)}
        </button>
        ${comparing
          ? nothing
          : html`<button type="button" @click=${() => this.download('svg')}>${msg('exportSvg', lang)}</button>
              <button type="button" @click=${() => this.download('png')}>${msg('exportPng', lang)}</button>`}
        <p class="notice" role="status">${this.exportFailed ? msg('exportFailed', lang) : ''}</p>
      </header>
      <main>
        ${comparing
          ? html`<governance-compare
              lang=${lang}
              theme=${ifDefined(theme || undefined)}
              hide=${hide}
              @filter-change=${(e: CustomEvent<{ hidden: string[] }>) => this.set({ hide: e.detail.hidden.join(',') })}
            ></governance-compare>`
          : this.renderGraph(shownView)}
      </main>
    `;
  }

  private renderGraph(shownView: string | undefined) {
    const { model, lang, theme, hide, trace, to, influence } = this.state;
    return html`<governance-graph
        model=${model}
        view=${ifDefined(shownView)}
        lang=${lang}
        theme=${ifDefined(theme || undefined)}
        hide=${hide}
        trace=${ifDefined(trace || undefined)}
        trace-to=${ifDefined(to || undefined)}
        ?influence=${influence}
        @filter-change=${(e: CustomEvent<{ hidden: string[] }>) => this.set({ hide: e.detail.hidden.join(',') })}
        @trace-change=${this.handleTraceChange}
      ></governance-graph>`;
  }

  private handleTraceChange(event: CustomEvent<{ id: string | null; to?: string }>): void {
    const graph = event.target as GovernanceGraph;
    const { id, to } = event.detail;
    if (id === (this.state.trace || null) && (to ?? '') === this.state.to && graph.influence === this.state.influence) return;
    this.set({ trace: id ?? '', to: to ?? '', influence: graph.influence });
  }

  /**
   * Saves the graph as SVG or PNG, named after what it shows: model, view, language, trace, step.
   * Before the graph is drawn, or when it could not be, says so instead.
   */
  private async download(format: 'svg' | 'png'): Promise<void> {
    const graph = this.shadowRoot!.querySelector('governance-graph');
    if (!graph) return;
    this.exportFailed = false;
    let blob: Blob;
    try {
      blob = format === 'svg' ? new Blob([await graph.exportSvg()], { type: 'image/svg+xml' }) : await graph.exportPng({ scale: 2 });
    } catch {
      this.exportFailed = true;
      return;
    }
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = `${exportName(this.state, graph.view, graph.step)}.${format}`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 0);
  }

  private set(change: Partial<AppState>): void {
    this.state = { ...this.state, ...change };
    history.replaceState(null, '', formatHash(this.state) || location.pathname + location.search);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'governance-app': GovernanceApp;
  }
}
