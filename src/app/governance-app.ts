import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../components/governance-compare.js';
import type { GovernanceCompare } from '../components/governance-compare.js';
import { GovernanceGraph } from '../components/governance-graph.js';
import { fontFamily, themedHost, visuallyHidden } from '../components/theme.styles.js';
import { BUILTIN_MODELS, builtinModel } from '../model/builtin.js';
import { findQuote, preparedOnce, quoteInSentence } from '../model/citations.js';
import { MAX_FILE_SIZE, MAX_LABEL_LENGTH, formatSize } from '../model/limits.js';
import { validateGraph } from '../model/validate.js';
import { OPENED, inLang, msg, oneLang, sheetMessage, slideCheckMessage, typeLimitSentence, type MessageKey, type SlideMiss } from '../model/messages.js';
import type { SourceFile } from '../model/open.js';
import { SCHEMA_URL, type Bilingual, type DisplayLang, type Graph, type Problem } from '../model/types.js';
import { vocabularyOf } from '../model/vocabulary.js';
import { THEMES, type Theme } from '../render/palette.js';
import { MY_MODEL, exportName, formatHash, parseHash, type AppState } from './app-state.js';
import { MyModels, type StoredModel } from './my-models.js';
import { CHECKED_SLIDE, checkSlide, namedMisses, type SlideRequest } from './slide-check.js';

const LANG_NAMES: Readonly<Record<DisplayLang, string>> = { zh: '中文', en: 'English', both: '中英' };
/** Whether a relation's or actor's quotes are all in the source text. */
type Status = 'none' | 'found' | 'missing';
/** Two models alike but for their titles (sheets carry none; a kept model may have been renamed). */
const sameContent = (a: Graph, b: Graph) => JSON.stringify({ ...a, title: undefined }) === JSON.stringify({ ...b, title: undefined });
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
    /*
     * the menus of titles (model, view, sides) are placed in rows as if 14em wide with their labels (11em in the compare
     * view, with one menu more: one row at 1280 px), then grow into the room their row leaves, up to their titles' width
     */
    header > label:has(.titles) {
      white-space: nowrap;
      flex: 1 1 14em;
      min-width: 0;
      max-width: max-content;
    }
    header.comparing > label:has(.titles) {
      flex-basis: 11em;
    }
    select.titles {
      flex: 1 1 auto;
      min-width: 0;
      max-width: none;
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
    /* a line of its own under the toolbar, only while it says something */
    .notice {
      margin: 0;
      padding: 4px 12px;
      border-bottom: 1px solid var(--gg-border);
      color: var(--gg-error);
    }
    .notice:empty {
      padding: 0;
      border: 0;
    }
    .open-input {
      ${visuallyHidden}
    }
    a {
      color: inherit;
    }
    /* problems of opened files, and the citation check, over the top of the graph */
    .problems,
    .citations .report {
      position: absolute;
      z-index: 2;
      left: 12px;
      max-width: min(60em, calc(100vw - 48px));
      max-height: 60vh;
      overflow: auto;
      margin: 4px 0 0;
      padding: 8px 16px;
      border: 1px solid var(--gg-border);
      background: var(--gg-background);
      color: var(--gg-text);
      box-shadow: 0 2px 8px rgb(0 0 0 / 25%);
    }
    .problems h2 {
      margin: 0 0 6px;
      font-size: 1rem;
      color: var(--gg-error);
    }
    .rename h2 {
      color: inherit;
    }
    .rename input {
      width: 24em;
      max-width: 100%;
    }
    .problems li,
    .citations li {
      margin: 4px 0;
    }
    /* beside the graph's search box: the citation report and the slide check */
    .notes {
      position: absolute;
      z-index: 2;
      top: 8px;
      left: 284px;
      display: flex;
      flex-direction: column;
      align-items: start;
      gap: 4px;
      max-width: calc(100% - 300px);
      pointer-events: none;
    }
    .notes > * {
      pointer-events: auto;
    }
    .slide-check {
      margin: 0;
      padding: 2px 6px;
      border: 1px solid var(--gg-border);
      background: var(--gg-background);
      color: var(--gg-text);
      font-size: 0.85rem;
    }
    .slide-check summary {
      cursor: pointer;
    }
    .citations {
      position: relative;
      padding: 4px 8px;
      border: 1px solid var(--gg-border);
      background: var(--gg-background);
      color: var(--gg-text);
      font-size: 0.9rem;
    }
    .citations summary {
      cursor: pointer;
    }
    .citations .report {
      top: 100%;
      left: 0;
    }
    .citations ol {
      padding-left: 1.6em;
    }
    .citations blockquote {
      margin: 2px 0 0 0.5em;
    }
    .menu {
      position: relative;
    }
    .menu summary {
      padding: 3px 6px;
      border: 1px solid var(--gg-border);
      cursor: pointer;
    }
    .menu-items {
      position: absolute;
      z-index: 4;
      top: calc(100% + 4px);
      left: 0;
      display: flex;
      flex-direction: column;
      align-items: stretch;
      gap: 6px;
      min-width: 16em;
      padding: 8px;
      border: 1px solid var(--gg-border);
      background: var(--gg-background);
      box-shadow: 0 2px 8px rgb(0 0 0 / 25%);
    }
    .menu-items p {
      margin: 0;
    }
    .missing {
      color: var(--gg-error);
      font-weight: 600;
    }
    mark {
      background: color-mix(in srgb, var(--gg-highlight) 22%, var(--gg-background));
      color: inherit;
    }
    main {
      position: relative;
    }
    .drop {
      position: absolute;
      inset: 0;
      z-index: 3;
      display: grid;
      place-items: center;
      margin: 0;
      border: 4px dashed var(--gg-highlight);
      background: color-mix(in srgb, var(--gg-background) 85%, transparent);
      font-size: 1.3rem;
      pointer-events: none;
    }
  `,
  ];

  @state() private state: AppState = parseHash(location.hash);
  /** The last export could not be made; cleared by the next one. */
  @state() private exportFailed = false;
  /** Models kept in this browser; undefined until read. */
  @state() private mine?: StoredModel[];
  /** Why the files last opened were refused (the graph shown stayed). */
  @state() private openProblems?: Problem[];
  /** The model last opened took a fresh id, since another one of My models had its id. */
  @state() private keptBoth?: { taken: string; title: Bilingual; fresh: string };
  /** A `#model=my:…` that this browser does not keep. */
  @state() private missingMine = false;
  /** The File menu is open. */
  @state() private menuOpen = false;
  /** Files are being dragged over the page. */
  @state() private dragging = false;
  /** Source texts attached to models that are not kept (built-in, from a link), for this page only. */
  @state() private pageSources: Readonly<Record<string, SourceFile>> = {};
  /** The graph the element shows, once loaded (for a `#src` file, its views and export). */
  @state() private shownGraph?: Graph;
  /** What the view shown of an opened model misses on a slide, once measured (see `checkSlide`). */
  @state() private slideMisses?: { key: string; misses: readonly SlideMiss[] };
  /** The shown model of My models is being renamed: its title form is open. */
  @state() private renaming = false;
  /** Why the title given could not be taken. */
  @state() private renameProblems?: Problem[];
  /** The slide check under way. */
  private slideCheck?: { key: string; abort: AbortController };

  private readonly myModels = new MyModels();
  /** Models of My models being shown, as blob: URLs for the elements' `src`, by id, with when each was opened. */
  private readonly blobs = new Map<string, { saved: number; url: string }>();

  private readonly handleHashChange = () => {
    this.state = parseHash(location.hash);
  };

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.handleHashChange);
    for (const name of ['dragenter', 'dragover', 'dragleave', 'drop'] as const) this.addEventListener(name, this.handleDrag);
    void this.readMine();
  }

  override disconnectedCallback(): void {
    this.slideCheck?.abort.abort();
    this.slideCheck = undefined;
    window.removeEventListener('hashchange', this.handleHashChange);
    for (const name of ['dragenter', 'dragover', 'dragleave', 'drop'] as const) this.removeEventListener(name, this.handleDrag);
    for (const { url } of this.blobs.values()) URL.revokeObjectURL(url);
    this.blobs.clear();
    super.disconnectedCallback();
  }

  override willUpdate(): void {
    // a link to one of My models that this browser does not keep: say so, and show a built-in model
    if (this.mine && this.state.model.startsWith(MY_MODEL) && !this.myModel) {
      this.missingMine = true;
      this.set({ model: 'domestic', view: '', hide: '', trace: '', to: '' });
    }
  }

  override updated(): void {
    this.checkSlide();
    const lang = this.state.lang;
    document.documentElement.lang = lang === 'en' ? 'en' : 'zh';
    document.title = msg('appTitle', lang);
    if (this.state.theme) this.setAttribute('theme', this.state.theme);
    else this.removeAttribute('theme');
  }

  override render() {
    const { model, lang, theme } = this.state;
    const comparing = model === 'compare' && !this.state.src;
    const current = this.currentGraph;
    const shownView = this.shownView;
    const titleLang = oneLang(lang);
    return html`
      <header class=${comparing ? 'comparing' : ''}>
        <h1>${msg('appTitle', lang)}</h1>
        <label
          >${msg('model', lang)}
          <select class="titles" @change=${(e: Event) => this.set({ model: (e.target as HTMLSelectElement).value, src: '', view: '', hide: '', trace: '', to: '' })}>
            ${this.state.src ? html`<option value="" selected>${msg('fromLink', lang)}</option>` : nothing}
            ${this.modelOptions(this.state.src ? '' : model)}
            <option value="compare" ?selected=${comparing}>${msg('compare', lang)}</option>
          </select>
        </label>
        ${this.renderFileMenu(comparing)}
        ${comparing
          ? (['left', 'right'] as const).map(
              (side) => html`<label
                >${msg(side, lang)}
                <select class="titles" @change=${(e: Event) => this.set({ [side]: (e.target as HTMLSelectElement).value, hide: '' })}>
                  ${this.modelOptions(this.state[side])}
                </select>
              </label>`,
            )
          : html`<label
              >${msg('view', lang)}
              <select class="titles" ?disabled=${!current?.views?.length} @change=${(e: Event) => this.set({ view: (e.target as HTMLSelectElement).value })}>
                <option value="all" ?selected=${!shownView}>${msg('wholeModel', lang)}</option>
                ${(current?.views ?? []).map((v) => html`<option value=${v.id} ?selected=${v.id === shownView}>${inLang(v.title, titleLang)}</option>`)}
              </select>
            </label>`}
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
      </header>
      <p class="notice" role="status">${this.exportFailed ? msg('exportFailed', lang) : this.missingMine ? msg('notMine', lang) : this.keptBothNotice(lang)}</p>
      <main>
        ${this.renderProblems()} ${this.renderRename()}
        ${this.dragging ? html`<p class="drop">${msg('dropHere', lang)}</p>` : nothing}
        ${comparing ? nothing : html`<div class="notes">${this.renderCitations()}${this.renderSlideCheck(current, shownView)}</div>`}
        ${comparing
          ? this.renderCompare()
          : this.renderGraph(shownView)}
      </main>
    `;
  }

  /** The models a compare side can show: the built-in ones and My models. */
  private modelOptions(selected: string) {
    const titleLang = oneLang(this.state.lang);
    return html`${Object.values(BUILTIN_MODELS).map((graph) => html`<option value=${graph.id} ?selected=${graph.id === selected}>${inLang(graph.title, titleLang)}</option>`)}
    ${this.mine?.length
      ? html`<optgroup label=${msg('myModels', this.state.lang)}>
          ${this.mine.map((item) => html`<option value=${MY_MODEL + item.id} ?selected=${MY_MODEL + item.id === selected}>${inLang(item.graph.title, titleLang)}</option>`)}
        </optgroup>`
      : nothing}`;
  }

  /** Any two models side by side; the comparison table where a comparison file pairs them. */
  private renderCompare() {
    const { lang, theme, hide } = this.state;
    const [left, right] = [this.sideOf(this.state.left), this.sideOf(this.state.right)];
    if (!left || !right) return html`<p role="status">${msg('loading', lang)}</p>`;
    return html`<governance-compare
              left=${left}
              right=${right}
              lang=${lang}
              theme=${ifDefined(theme || undefined)}
              hide=${hide}
              @filter-change=${(e: CustomEvent<{ hidden: string[] }>) => this.set({ hide: e.detail.hidden.join(',') })}
            ></governance-compare>`;
  }

  private renderGraph(shownView: string | undefined) {
    const { model, lang, theme, hide, trace, to, influence } = this.state;
    // My models wait until the browser has read them
    if (model.startsWith(MY_MODEL) && !this.state.src && !this.myModel) return html`<p role="status">${msg('loading', lang)}</p>`;
    return html`<governance-graph
        model=${ifDefined(this.state.src || this.myModel ? undefined : model)}
        src=${ifDefined(this.state.src || this.myModelUrl())}
        view=${ifDefined(shownView)}
        lang=${lang}
        theme=${ifDefined(theme || undefined)}
        hide=${hide}
        trace=${ifDefined(trace || undefined)}
        trace-to=${ifDefined(to || undefined)}
        ?influence=${influence}
        .sourceText=${this.currentSource?.text}
        @filter-change=${(e: CustomEvent<{ hidden: string[] }>) => this.set({ hide: e.detail.hidden.join(',') })}
        @trace-change=${this.handleTraceChange}
        @graph-ready=${(e: Event) => (this.shownGraph = (e.target as GovernanceGraph).graph)}
        @graph-error=${() => (this.shownGraph = undefined)}
      ></governance-graph>`;
  }

  /**
   * The File menu: open a model or source text, export the picture (SVG, PNG), the slides
   * (PowerPoint, the compare view too) or the model (JSON),
   * remove it from My models, and the template to start from. A menu, so that the toolbar stays one
   * row on a projector; its items exist only while it is open.
   */
  private renderFileMenu(comparing: boolean) {
    const lang = this.state.lang;
    const templates = ['actors.csv', 'relations.csv', 'views.csv', 'steps.csv', 'sectors.csv', 'relation-kinds.csv', 'source.txt'];
    /** A menu item: the menu closes, then the action runs. */
    const item = (key: MessageKey, action: () => unknown, disabled = false) =>
      html`<button
        type="button"
        ?disabled=${disabled}
        @click=${() => {
          this.menuOpen = false;
          void action();
        }}
      >
        ${msg(key, lang)}
      </button>`;
    // opened and closed by hand, so that its items are there as soon as the click is handled
    return html`<details
      class="menu"
      .open=${this.menuOpen}
      @keydown=${(e: KeyboardEvent) => {
        if (e.key === 'Escape') this.menuOpen = false;
      }}
    >
      <summary
        @click=${(e: Event) => {
          e.preventDefault();
          this.menuOpen = !this.menuOpen;
        }}
        >${msg('file', lang)}</summary
      >
      ${this.menuOpen
        ? html`<div class="menu-items">
            ${item('open', () => this.shadowRoot!.querySelector<HTMLInputElement>('.open-input')!.click())}
            ${item('exportSvg', () => this.download('svg'), comparing)} ${item('exportPng', () => this.download('png'), comparing)}
            ${item('exportPptx', () => this.download('pptx'))}
            ${item('exportModel', () => this.handleExportModel(), comparing || !this.shownGraph)}
            ${this.myModel && !this.state.src ? item('renameModel', () => (this.renaming = true)) : nothing}
            ${this.myModel && !this.state.src ? item('removeModel', () => this.handleRemove()) : nothing}
            <p>${msg('template', lang)}: ${templates.map((name, i) => html`${i ? ' · ' : ''}<a href="templates/${name}" download>${name}</a>`)}</p>
          </div>`
        : nothing}
    </details>
    <input
      class="open-input"
      type="file"
      multiple
      accept=".json,.csv,.tsv,.txt,.md"
      tabindex="-1"
      aria-label=${msg('openTitle', lang)}
      @change=${(e: Event) => {
        const input = e.target as HTMLInputElement;
        void this.openFiles([...(input.files ?? [])]);
        input.value = '';
      }}
    />`;
  }

  /** The graph shown: a file from the link, one of My models, or a built-in model. */
  private get currentGraph(): Graph | undefined {
    return this.state.src ? this.shownGraph : (this.myModel?.graph ?? builtinModel(this.state.model));
  }

  /** The view shown: none in the link gives the model's first view, its readable overview; `all`, the whole model. */
  private get shownView(): string | undefined {
    const view = this.state.view;
    return view === 'all' ? undefined : view || this.currentGraph?.views?.[0]?.id;
  }

  /** What the slide check of the view shown draws: only an opened model's (a file from the link, or one of My models). */
  private slideRequest(): (SlideRequest & { key: string }) | undefined {
    const src = this.state.model === 'compare' && !this.state.src ? undefined : this.state.src || this.myModelUrl();
    if (!src || !this.currentGraph) return undefined;
    const request = { src, view: this.shownView, lang: this.state.lang };
    return { ...request, key: JSON.stringify(request) };
  }

  /** Measures the view shown on a slide when what is shown has changed; a newer check cancels an older one. */
  private checkSlide(): void {
    const request = this.slideRequest();
    if (request?.key === this.slideCheck?.key) return;
    this.slideCheck?.abort.abort();
    this.slideCheck = undefined;
    if (!request) return;
    const abort = new AbortController();
    this.slideCheck = { key: request.key, abort };
    void checkSlide(request, abort.signal).then((misses) => {
      if (misses && !abort.signal.aborted) this.slideMisses = { key: request.key, misses };
    });
  }

  /** The slide check of an opened model: the goals the view shown misses on a slide, for authors. */
  private renderSlideCheck(graph: Graph | undefined, view: string | undefined) {
    const found = this.slideMisses;
    if (!graph || !found?.misses.length || found.key !== this.slideRequest()?.key) return nothing;
    const lang = oneLang(this.state.lang);
    const title = graph.views?.find((item) => item.id === view)?.title;
    const size = `${CHECKED_SLIDE.width}×${CHECKED_SLIDE.height}`;
    const misses = namedMisses(found.misses, graph, lang);
    const said = slideCheckMessage(title && inLang(title, lang), size, misses, lang);
    // why the labels are small, and which to shorten, on a click: the note stays short over the graph
    const limit = misses.find((miss) => miss.limit)?.limit;
    return limit ? html`<details class="slide-check"><summary>${said}</summary>${typeLimitSentence(limit, lang)}</details>` : html`<p class="slide-check">${said}</p>`;
  }

  /** Problems of the files last opened: every one, and that the graph shown has not changed. */
  private renderProblems() {
    const problems = this.openProblems;
    if (!problems) return nothing;
    const lang = this.state.lang;
    const shown = problems.slice(0, 200);
    return html`<section class="problems" role="alert">
      <h2>${msg('openFailed', lang)}</h2>
      <ul>
        ${shown.map((problem) => html`<li><code>${problem.path}</code>: ${problem.message}</li>`)}
      </ul>
      ${problems.length > shown.length ? html`<p>… ${problems.length - shown.length} ${msg('moreProblems', lang)}</p>` : nothing}
      <button type="button" @click=${() => (this.openProblems = undefined)}>${msg('close', lang)}</button>
    </section>`;
  }

  /** The form that renames the shown model of My models: its title in both languages. */
  private renderRename() {
    const model = this.myModel;
    if (!this.renaming || !model || this.state.src) return nothing;
    const lang = this.state.lang;
    return html`<form class="problems rename" aria-labelledby="rename-title" @submit=${this.handleRename} @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && (this.renaming = false)}>
      <h2 id="rename-title">${msg('renameTitle', lang)}</h2>
      <p><label>${msg('titleZh', lang)} <input name="zh" lang="zh" maxlength=${MAX_LABEL_LENGTH} .value=${model.graph.title.zh} /></label></p>
      <p><label>${msg('titleEn', lang)} <input name="en" lang="en" maxlength=${MAX_LABEL_LENGTH} .value=${model.graph.title.en} /></label></p>
      <p>${msg('titleHint', lang)}</p>
      ${this.renameProblems ? html`<ul role="alert">${this.renameProblems.map((problem) => html`<li>${problem.message}</li>`)}</ul>` : nothing}
      <button type="submit">${msg('save', lang)}</button>
      <button type="button" @click=${() => ((this.renaming = false), (this.renameProblems = undefined))}>${msg('cancel', lang)}</button>
    </form>`;
  }

  /** With a source text attached: how many relations' and actors' quotes it holds, and each found or not, in its sentence. */
  private renderCitations() {
    const graph = this.shownGraph;
    const file = this.currentSource;
    if (!graph || !file) return nothing;
    const lang = this.state.lang;
    const source = this.preparedSource(file.text)!;
    const name = (id: string) => inLang(graph.nodes.find((actor) => actor.id === id)?.label ?? { zh: id, en: id }, oneLang(lang));
    const status = ({ evidence = [] }: { evidence?: readonly { quote: string }[] }): Status => {
      if (evidence.length === 0) return 'none';
      return evidence.every((item) => findQuote(source, item.quote)) ? 'found' : 'missing';
    };
    const count = (statuses: readonly Status[]) => [statuses.filter((s) => s === 'found').length, statuses.filter((s) => s !== 'none').length] as const;
    const relations = graph.edges.map((relation) => ({ relation, status: status(relation) }));
    // an actor's quote is optional: only actors that have one are counted and listed
    const actors = graph.nodes.map((actor) => ({ actor, status: status(actor) })).filter((item) => item.status !== 'none');
    // what needs the author's attention first: quotes not found, then relations without a quote
    const order = { missing: 0, none: 1, found: 2 } as const;
    const byNeed = (a: { status: Status }, b: { status: Status }) => order[a.status] - order[b.status];
    const quotes = (evidence: readonly { quote: string }[] = []) =>
      evidence.map((item) => {
        const sentence = quoteInSentence(source, item.quote);
        return sentence
          ? html`<blockquote lang="zh">✓ ${msg('quoteFound', lang)}: ${sentence.before}<mark>${sentence.quote}</mark>${sentence.after}</blockquote>`
          : html`<blockquote lang="zh"><span class="missing">✗ ${msg('quoteNotFound', lang)}</span>: “${item.quote}”</blockquote>`;
      });
    const summary = OPENED.quotesFound(count(relations.map((item) => item.status)), actors.length > 0 ? count(actors.map((item) => item.status)) : undefined);
    return html`<details class="citations">
      <summary>${msg('sourceText', lang)} <bdi>${file.name}</bdi>: ${inLang(summary, lang)}</summary>
      <div class="report">
        <p>${msg('sourceKept', lang)} <button type="button" @click=${this.handleDetachSource}>${msg('detachSource', lang)}</button></p>
        <ol>
        ${relations.sort(byNeed).map(({ relation, status }) => {
          const verb = inLang(vocabularyOf(graph).relations[relation.relation].verb, oneLang(lang));
          return html`<li data-relation=${relation.id} data-status=${status}>
            <bdi>${name(relation.source)}</bdi> → ${verb} → <bdi>${name(relation.target)}</bdi>:
            ${status === 'none' ? msg('noQuote', lang) : quotes(relation.evidence)}
          </li>`;
        })}
        </ol>
        ${actors.length > 0
          ? html`<h3>${msg('actorQuotes', lang)}</h3>
              <ol>
                ${actors.sort(byNeed).map(({ actor, status }) => html`<li data-actor=${actor.id} data-status=${status}><bdi>${name(actor.id)}</bdi>: ${quotes(actor.evidence)}</li>`)}
              </ol>`
          : nothing}
      </div>
    </details>`;
  }

  private handleTraceChange(event: CustomEvent<{ id: string | null; to?: string }>): void {
    const graph = event.target as GovernanceGraph;
    const { id, to } = event.detail;
    if (id === (this.state.trace || null) && (to ?? '') === this.state.to && graph.influence === this.state.influence) return;
    this.set({ trace: id ?? '', to: to ?? '', influence: graph.influence });
  }

  /**
   * Saves the graph as SVG, PNG or PowerPoint (the compare view: PowerPoint only), named after
   * what it shows: model, view, language, trace, step. Before the graph is drawn, or when it could
   * not be, says so instead.
   */
  private async download(format: 'svg' | 'png' | 'pptx'): Promise<void> {
    const shown = this.shadowRoot!.querySelector<GovernanceGraph | GovernanceCompare>('governance-graph, governance-compare');
    if (!shown) return;
    this.exportFailed = false;
    let blob: Blob;
    try {
      if (format === 'pptx') blob = await shown.exportPptx();
      else if (shown instanceof GovernanceGraph) blob = format === 'svg' ? new Blob([await shown.exportSvg()], { type: 'image/svg+xml' }) : await shown.exportPng({ scale: 2 });
      else return;
    } catch {
      this.exportFailed = true;
      return;
    }
    const graph = shown instanceof GovernanceGraph ? shown : undefined;
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = `${exportName(this.state, graph?.view, graph?.step)}.${format}`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 0);
  }

  /** The shown model when it is one of My models. */
  private get myModel(): StoredModel | undefined {
    const { model } = this.state;
    return model.startsWith(MY_MODEL) ? this.mine?.find((item) => MY_MODEL + item.id === model) : undefined;
  }

  /** A blob: URL of a model of My models, made once per version of it (a source attached is no new version). */
  private urlOf(model: StoredModel): string {
    const made = this.blobs.get(model.id);
    if (made?.saved === model.saved) return made.url;
    if (made) URL.revokeObjectURL(made.url);
    const url = URL.createObjectURL(new Blob([JSON.stringify(model.graph)], { type: 'application/json' }));
    this.blobs.set(model.id, { saved: model.saved, url });
    return url;
  }

  /** A blob: URL of the shown model when it is one of My models. */
  private myModelUrl(): string | undefined {
    return this.myModel && this.urlOf(this.myModel);
  }

  /** What a compare side loads: a built-in id, or the URL of one of My models; undefined while those are read. */
  private sideOf(value: string): string | undefined {
    if (!value.startsWith(MY_MODEL)) return value;
    const model = this.mine?.find((item) => MY_MODEL + item.id === value);
    return model ? this.urlOf(model) : this.mine ? 'domestic' : undefined;
  }

  /** The source text attached to the shown model: kept with it among My models, or for this page. */
  private get currentSource(): SourceFile | undefined {
    if (this.state.src) return this.pageSources[`src:${this.state.src}`];
    return this.myModel ? this.myModel.source : this.pageSources[this.state.model];
  }

  /** The source text prepared for look-ups, once per text. */
  private readonly preparedSource = preparedOnce();

  private async readMine(): Promise<void> {
    this.mine = await this.myModels.list();
  }

  /**
   * Opens picked or dropped files: a model (JSON or sheets) joins My models and is shown; a source
   * text is attached to the model shown. Anything wrong: every problem, and the graph stays.
   */
  async openFiles(files: File[]): Promise<void> {
    if (files.length === 0) return;
    const lang = oneLang(this.state.lang);
    const large = files.find((file) => file.size > MAX_FILE_SIZE);
    if (large) {
      this.openProblems = [{ path: large.name, message: sheetMessage({ key: 'tooLarge', value: formatSize(MAX_FILE_SIZE) }, lang) }];
      return;
    }
    // the CSV reader is loaded only when files are opened
    const [{ openFiles }, { decodeSheet, uniqueId }] = await Promise.all([import('../model/open.js'), import('../model/sheets.js')]);
    const read = await Promise.all(files.map(async (file) => ({ name: file.name, text: decodeSheet(new Uint8Array(await file.arrayBuffer())) })));
    const opened = openFiles(read, lang);
    if (opened.problems.length > 0) {
      this.openProblems = opened.problems;
      return;
    }
    this.openProblems = undefined;
    this.missingMine = false;
    this.keptBoth = undefined;
    if (opened.graph) {
      // read afresh: another tab may have kept a model since
      const mine = await this.myModels.list();
      const taken = mine.find((item) => item.id === opened.graph!.id);
      // sheets carry no title: the same sheets, reopened, keep the name given to the model
      const untitled = opened.graph.title.zh === opened.graph.id && opened.graph.title.en === opened.graph.id;
      const same = taken && sameContent(taken.graph, opened.graph);
      let graph = untitled && same ? { ...opened.graph, title: taken.graph.title } : opened.graph;
      if (taken && !same) {
        // another model under the same id (sheets named alike): kept beside it, never over it
        const id = uniqueId(graph.id, new Set(mine.map((item) => item.id)));
        graph = { ...graph, id, title: untitled ? { zh: id, en: id } : graph.title };
        this.keptBoth = { taken: taken.id, title: taken.graph.title, fresh: id };
      }
      await this.myModels.put({ id: graph.id, graph, source: opened.source ?? (same ? taken.source : undefined), saved: Date.now() });
      await this.readMine();
      this.set({ model: MY_MODEL + graph.id, src: '', view: '', hide: '', trace: '', to: '' });
    } else if (opened.source) await this.attachSource(opened.source);
  }

  /** What the app says when the model opened was kept beside another with its id. */
  private keptBothNotice(lang: DisplayLang): string {
    const kept = this.keptBoth;
    return kept ? inLang(OPENED.keptBoth(kept.taken, inLang(kept.title, oneLang(lang)), kept.fresh), lang) : '';
  }

  private async attachSource(source: SourceFile | undefined): Promise<void> {
    const model = this.myModel;
    if (model && !this.state.src) {
      // the model itself is unchanged: it is not drawn again, and its trace stays
      await this.myModels.put({ ...model, source });
      await this.readMine();
    } else {
      const key = this.state.src ? `src:${this.state.src}` : this.state.model;
      const { [key]: _, ...others } = this.pageSources;
      this.pageSources = source ? { ...others, [key]: source } : others;
    }
  }

  private readonly handleDetachSource = () => void this.attachSource(undefined);

  /** Keeps the title given (one language standing for both when the other is empty), validated as any title is. */
  private readonly handleRename = async (event: SubmitEvent) => {
    event.preventDefault();
    const model = this.myModel;
    if (!model) return;
    const form = new FormData(event.target as HTMLFormElement);
    const [zh, en] = [String(form.get('zh') ?? '').trim(), String(form.get('en') ?? '').trim()];
    const graph = { ...model.graph, title: { zh: zh || en, en: en || zh } };
    const { problems } = validateGraph(graph, { lang: oneLang(this.state.lang) });
    if (problems.length > 0) {
      this.renameProblems = problems;
      return;
    }
    await this.myModels.put({ ...model, graph, saved: Date.now() });
    await this.readMine();
    this.renaming = false;
    this.renameProblems = undefined;
  };

  private async handleRemove(): Promise<void> {
    const model = this.myModel;
    if (!model) return;
    await this.myModels.remove(model.id);
    await this.readMine();
    this.set({ model: 'domestic', view: '', hide: '', trace: '', to: '' });
  }

  /** Saves the shown model as a model JSON file, validated as every loaded model is. */
  private handleExportModel(): void {
    const graph = this.shownGraph;
    if (!graph) return;
    const { $schema: _, ...rest } = graph;
    const blob = new Blob([`${JSON.stringify({ $schema: SCHEMA_URL, ...rest }, null, 2)}\n`], { type: 'application/json' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = `${graph.id.replace(/[^\w.-]+/g, '_')}.json`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 0);
  }

  /** Files dragged over the page: show where they go; dropped: open them. */
  private readonly handleDrag = (event: DragEvent) => {
    if (!event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    if (event.type === 'dragleave') {
      // leaving for a child of the page is no leaving
      if (!event.relatedTarget || !this.contains(event.relatedTarget as Node)) this.dragging = false;
      return;
    }
    this.dragging = event.type !== 'drop';
    if (event.type === 'drop') void this.openFiles([...event.dataTransfer.files]);
  };

  private set(change: Partial<AppState>): void {
    if ((change.model !== undefined && change.model !== this.state.model) || (change.src !== undefined && change.src !== this.state.src)) {
      this.shownGraph = undefined;
      this.renaming = false;
      this.renameProblems = undefined;
    }
    this.state = { ...this.state, ...change };
    history.replaceState(null, '', formatHash(this.state) || location.pathname + location.search);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'governance-app': GovernanceApp;
  }
}
