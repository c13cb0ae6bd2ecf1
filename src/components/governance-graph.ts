import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { BUILTIN_MODELS, builtinModel } from '../model/builtin.js';
import { GraphError, loadGraph } from '../model/load.js';
import { preparedOnce } from '../model/citations.js';
import { inLang, LOADING, msg } from '../model/messages.js';
import { shownStep } from '../model/steps.js';
import { clip, quoted } from '../model/text.js';
import type { DisplayLang, Graph, Step } from '../model/types.js';
import { vocabularyOf } from '../model/vocabulary.js';
import { closest } from '../model/validate.js';
import { cssColour } from '../render/colour.js';
import type { DisplayState, Highlight } from '../render/classes.js';
import { CytoscapeController } from '../render/cytoscape-controller.js';
import { nextFocusIn, type FocusMove } from '../render/focus.js';
import type { LayoutMode } from '../render/placement.js';
import { assertInView, connectingChains, traceActor, traceByDirection, type Connection, type Trace } from '../model/trace.js';
import { legendIn, selectView } from '../render/elements.js';
import { exportFrame, graphToSvg, SLIDE_ASPECT, svgToPng } from '../render/export.js';
import { canvasMeasure } from '../render/measure.js';
import { MAX_SCALE, MIN_SCALE, THEME_COLOURS, type Theme, type ThemeColours } from '../render/palette.js';
import { loadPptxWriter, PPTX_TYPE } from '../render/pptx-loader.js';
import { scene, type Scene } from '../render/scene.js';
import { measureSlide, shownSlide, type SlideFigures } from '../render/slide-metrics.js';
import type { SlideDeck, SlideInput } from '../render/slides.js';
import { textOr } from './attribute.js';
import { emit, type InnerEvent, type TraceChangeDetail } from './events.js';
import { parseHidden, toggleHidden } from './hide-list.js';
import { styles } from './governance-graph.styles.js';
import './governance-actor-panel.js';
import type { GovernanceLegend } from './governance-legend.js';
import './governance-legend.js';
import './governance-search.js';
import { textAlternative, traceAnnouncement } from './text-alternative.js';
import { chainStrip } from './chain-strip.js';

const LANGS: readonly DisplayLang[] = ['zh', 'en', 'both'];

/** Whether the reader asks for less motion: no transitions, no animated zoom. */
const reducedMotion = () => matchMedia('(prefers-reduced-motion: reduce)').matches;

/**
 * The origin of a graph file's final address when it is a web origin other than the page's, so
 * that a graph from another site is never taken for the page's own; none for the page's own
 * files and for data: or blob: URLs, which the page itself made.
 */
function foreignOrigin(url: string): string | undefined {
  const address = new URL(url, location.href);
  return /^https?:$/.test(address.protocol) && address.origin !== location.origin ? address.origin : undefined;
}

/** What an exported image holds. */
export interface ExportOptions {
  /** Include the title (model, view and step). Default true. */
  title?: boolean;
  /** Include the legend. Default true. */
  legend?: boolean;
  /** Include the line citing the source. Default true. */
  source?: boolean;
  /** A CSS colour, or `transparent`; default: the theme's background. */
  background?: string;
  /** `slide` (default): a 16:9 image with the graph centred, to fill a slide; `tight`: just around the graph. */
  fit?: 'slide' | 'tight';
}

/** Height the search box takes at the top of the canvas (its top offset and its own height). */
const SEARCH_BOX_HEIGHT = 40;

/** Height a step caption takes at the bottom of the canvas. */
const CAPTION_HEIGHT = 48;

/** Properties whose change alters what the graph shows: its elements, looks, layout or state (see `showScene`). */
const SCENE_PROPERTIES = ['loaded', 'error', 'view', 'lang', 'theme', 'layout', 'hide', 'traced', 'connection', 'focusedActor', 'counterparts', 'step'] as const;

/**
 * Draws a governance network: who leads, directs, coordinates, funds and involves whom.
 *
 * @event graph-ready - `{ id, nodes, edges }`: the graph is drawn (in a hidden container: once it is shown).
 * @event graph-error - `{ message, problems }`: nothing could be drawn, and why.
 * @event actor-select - `{ id }`: the user selected an actor (which traces it).
 * @event trace-change - `{ id, to?, upstream, downstream }`: the trace changed; chains of actor ids, nearest first.
 * @event actor-hover - `{ id }`: the pointer entered an actor, or left it (`id: null`).
 * @event step-change - `{ step, total }`: a presentation step is shown.
 * @event filter-change - `{ hidden }`: the user hid or showed a sector or relation in the legend.
 *
 * @csspart canvas - the drawing area.
 * @csspart legend - the legend, which also filters.
 * @csspart panel - details and chains of the traced actor.
 * @csspart search - the box that finds actors by name.
 * @csspart notice - why a `trace` could not be followed.
 * @csspart print - a picture of the graph shown instead of the canvas when printing.
 * @csspart caption - the caption of the current presentation step.
 * @csspart chains - on a `static` slide, the traced actor's chains in a strip under the graph.
 * @csspart origin - where a graph file came from, when that is another site than the page's.
 * @csspart error - the message shown when the graph cannot be drawn.
 *
 * @cssproperty --gg-background - canvas background.
 * @cssproperty --gg-text - text colour.
 * @cssproperty --gg-edge - colour of accountability relations.
 * @cssproperty --gg-edge-soft - colour of influence and reference relations.
 * @cssproperty --gg-highlight - selection and focus colour.
 * @cssproperty --gg-upstream - chains to whom a traced actor answers.
 * @cssproperty --gg-downstream - chains of those a traced actor steers.
 * @cssproperty --gg-error - colour of error messages.
 * @cssproperty --gg-scale - multiplier on label size and line widths.
 * @cssproperty --gg-border - colour of the legend's, panel's and search box's borders (default: mixed from text and background).
 *
 * @example
 * <script type="module" src="governance-graph.js"></script>
 * <governance-graph model="domestic" view="city" lang="en" style="height: 600px"></governance-graph>
 */
@customElement('governance-graph')
export class GovernanceGraph extends LitElement {
  static override styles = styles;

  /** Id of a built-in model (`domestic`, `foreign`). */
  @property({ reflect: true }) model?: string;
  /** URL of a graph JSON file; wins over `model`. */
  @property() src?: string;
  /** Id of a named view of the model; absent: the whole model. */
  @property() view?: string;
  /** Label language: `zh` (default), `en`, or `both`. */
  @property({ reflect: true }) override lang: DisplayLang = 'zh';
  /** `light`, `dark` or `projector`; absent: light or dark as the reader's system prefers. */
  @property({ reflect: true }) theme?: Theme;
  /** No pan, zoom or selection: for slides and print. */
  @property({ type: Boolean, reflect: true }) static = false;
  /** Id of the actor whose chains of responsibility are highlighted and listed. */
  @property({ reflect: true }) trace?: string;
  /** Presentation step of the view, from 1; absent or 0: the whole view. */
  @property({ type: Number, reflect: true }) step?: number;
  /** With `trace`: a second actor; the chains connecting the two are shown instead. */
  @property({ attribute: 'trace-to', reflect: true }) traceTo?: string;
  /** Let influence relations (guides, funds, participates, …) count in traces, not only accountability. */
  @property({ type: Boolean, reflect: true }) influence = false;
  /** Comma-separated sectors and relation types to hide, e.g. `market,participates`. */
  @property({ converter: textOr('') }) hide = '';
  /** `hierarchy` (default): top-down by relations; `bands`: one band per sector group, as in the compare view. */
  @property() layout: LayoutMode = 'hierarchy';
  /** Actors to mark as counterparts of an actor picked in another graph (set by `<governance-compare>`). */
  @property({ attribute: false }) counterparts: readonly string[] = [];
  /** The text of the source, to show each quote in its sentence or as not found in it (it is never sent anywhere). */
  @property({ attribute: false }) sourceText?: string;

  @state() private loaded?: Graph;
  @state() private error?: GraphError;
  @state() private traced?: Trace;
  @state() private connection?: Connection;
  /** Why `trace` or `trace-to` could not be followed (the graph itself is fine), in both languages. */
  @state() private traceProblem?: GraphError;
  @state() private focusedActor: string | null = null;
  /** The origin the graph file came from, after redirects, when it is not the page's (see `foreignOrigin`). */
  @state() private sourceOrigin?: string;
  /** A picture of the canvas for printing, where a canvas may print empty. */
  @state() private printImage?: string;

  @query('[part="canvas"]') private canvas?: HTMLElement;
  @query('governance-legend') private legendElement?: GovernanceLegend;

  private readonly cytoscape = new CytoscapeController(this, {
    container: () => this.canvas,
    onSelect: (id) => this.handleSelect(id),
    onDrawn: () => this.handleDrawn(),
    onHover: (id) => emit(this, 'actor-hover', { id }),
    reserved: () => ({
      top: this.static ? 0 : SEARCH_BOX_HEIGHT,
      bottom: this.stepNumber ? CAPTION_HEIGHT : 0,
      // the trace panel covers the right of the canvas: fit the graph into what it leaves
      right: this.panelCover(),
    }),
    floatingLegend: () => (this.legendFloats ? this.legendElement : undefined),
    onError: (error) => this.handleDrawError(error),
  });
  private loading?: AbortController;
  private readonly schemeQuery = matchMedia('(prefers-color-scheme: dark)');

  constructor() {
    super();
    this.addEventListener('keydown', (event) => this.handleKeydown(event));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('beforeprint', this.handleBeforePrint);
    window.addEventListener('afterprint', this.handleAfterPrint);
    this.schemeQuery.addEventListener('change', this.handleSchemeChange);
    // moved while its file was loading: the move aborted the request, so ask again
    if (this.loading?.signal.aborted) this.load();
  }

  override disconnectedCallback(): void {
    window.removeEventListener('beforeprint', this.handleBeforePrint);
    window.removeEventListener('afterprint', this.handleAfterPrint);
    this.schemeQuery.removeEventListener('change', this.handleSchemeChange);
    this.loading?.abort();
    super.disconnectedCallback();
  }

  /** The loaded graph, in the data format; undefined while loading or after an error. */
  get graph(): Graph | undefined {
    return this.loaded;
  }

  private get hiddenKeys(): Set<string> {
    return parseHidden(this.hide);
  }

  private get displayLang(): DisplayLang {
    return LANGS.includes(this.lang) ? this.lang : 'zh';
  }

  override willUpdate(changed: PropertyValues): void {
    if (changed.has('model') || changed.has('src')) this.load();
    if ((changed.has('loaded') || changed.has('view')) && this.loaded) this.checkView(this.loaded);
    if (changed.has('loaded') || changed.has('view') || changed.has('trace') || changed.has('traceTo') || changed.has('influence')) this.computeTrace();
  }

  override updated(changed: PropertyValues): void {
    if (SCENE_PROPERTIES.some((name) => changed.has(name))) this.showScene();
    if (changed.has('static')) this.cytoscape.setInteractive(!this.static);
    if (changed.has('step') || changed.has('loaded') || changed.has('view')) this.announceStep();
    // events go out after the update, when the element shows what they report
    if (changed.has('error') && this.error) emit(this, 'graph-error', { message: this.error.message, problems: this.error.problems });
    if (this.traceChange) {
      emit(this, 'trace-change', this.traceChange);
      this.traceChange = undefined;
    }
    // each step frames its actors (and a caption that appears or goes stays clear of the graph)
    // the panel opens or closes: refit so that it hides no part of the graph
    if (changed.has('traced') && Boolean(changed.get('traced')) !== Boolean(this.traced) && !this.static) {
      const animate = this.animateSteps();
      queueMicrotask(() => this.cytoscape.fit({ animate }));
    }
    if (changed.has('step')) {
      // after the legend, which lists what the step shows, has rendered and sized the canvas
      const animate = this.animateSteps();
      queueMicrotask(() => this.cytoscape.fit({ animate }));
    }
  }

  override render() {
    const lang = this.displayLang;
    const graph = this.loaded;
    const title = graph ? inLang(graph.title, lang) : msg('graphLabel', lang);
    return html`<div class="frame ${this.legendFloats ? 'floating' : ''}">
      <div
        part="canvas"
        tabindex="0"
        role="application"
        aria-roledescription=${msg('graphLabel', lang)}
        aria-label=${title}
        aria-describedby="text-alternative keys"
      ></div>
      <p id="keys" class="visually-hidden">${msg('graphKeys', lang)}</p>
      ${graph && !this.error
        ? // rebuilt only when what it describes changes, not on every focus move
          guard([graph, this.view, lang, this.hide, this.step, this.traced], () =>
            textAlternative(graph, { view: this.view, lang, hidden: this.hiddenKeys, shown: this.stepActors, trace: this.traced }),
          )
        : nothing}
      <p class="visually-hidden" role="status" aria-live="polite">${graph && this.traced ? traceAnnouncement(graph, this.traced, lang) : ''}</p>
      ${graph && !this.error ? this.renderOverlays(graph, lang) : nothing}
      ${this.traceProblem ? html`<p part="notice" role="alert">${this.traceProblem.in(lang).message}</p>` : nothing}
      ${this.renderCaption(lang)}
      ${graph && this.traced && this.static ? chainStrip(graph, this.traced, this.connection, lang, Boolean(this.view)) : nothing}
      ${graph && this.sourceOrigin ? html`<p part="origin">${msg('dataFrom', lang)} <bdi>${this.sourceOrigin}</bdi></p>` : nothing}
      ${this.printImage ? html`<img part="print" class="print" src=${this.printImage} alt=${title} />` : nothing}
      ${!graph && !this.error ? html`<div class="message" role="status">${msg('loading', lang)}</div>` : nothing}
      ${this.error ? this.renderError(this.error, lang) : nothing}
    </div>`;
  }

  /** Fits the graph shown (at a step, that step's actors) into view, clear of the panel and search box. */
  fit(): void {
    this.cytoscape.fit();
  }

  /**
   * The graph as a vector SVG (text stays text): what is shown, with the title, legend and
   * source line unless switched off.
   *
   * @throws when the graph is not drawn (still loading, failed, or never shown), or when
   * `background` is neither a CSS colour nor `transparent`.
   */
  async exportSvg({ title = true, legend = true, source = true, background, fit = 'slide' }: ExportOptions = {}): Promise<string> {
    const cy = this.cytoscape.cy;
    const graph = this.loaded;
    if (!cy || !graph || cy.nodes().empty()) throw new Error('The graph is not drawn yet: wait for graph-ready before exporting.');
    const colours = this.themeColours();
    const page = background === undefined ? colours.background : background === 'transparent' ? 'none' : cssColour(background);
    if (!page) throw new Error(`The background ${quoted(background)} is not a CSS colour: use one such as "#ffffff", or "transparent".`);
    const frame = exportFrame(graph, { view: this.view, shown: this.stepActors, lang: this.displayLang, hidden: this.hiddenKeys, caption: this.currentStep?.caption, title, legend, source });
    // the colours as they are now: custom properties may have changed since the scene was shown
    return graphToSvg(cy, { ...frame, background: page, scene: this.sceneOf(graph, colours), aspect: fit === 'tight' ? 'tight' : SLIDE_ASPECT });
  }

  /**
   * The graph as a PNG at least 1920 px wide, times `scale` (2 or 3 for crisp slides), on the
   * theme's background, a chosen colour, or `transparent`.
   */
  async exportPng({ scale = 1, background, ...options }: ExportOptions & { scale?: number } = {}): Promise<Blob> {
    return svgToPng(await this.exportSvg({ ...options, background }), { scale });
  }

  /**
   * What the graph shows as slides, in plain data (see `SlideDeck`): one per presentation step of
   * the view (steps 1…n shown, step n emphasised, its caption under the title), one of the trace
   * when one is shown, else one of the view; with the title, legend, source line and speaker
   * notes (the relations each slide adds, with their quotes). `exportPptx()` writes it as a file.
   * The slide builder is loaded with the PowerPoint writer, on first use.
   *
   * @throws when the graph is not drawn (still loading, failed, or never shown).
   */
  async exportSlides({ steps = true }: { steps?: boolean } = {}): Promise<SlideDeck> {
    const input = this.slideInput(steps);
    return (await loadPptxWriter()).slideDeck(input);
  }

  /**
   * What the graph shows as a PowerPoint file (see `exportSlides`): 16:9 slides of native shapes,
   * lines and text, with speaker notes. In the embed bundle the writer is
   * `governance-graph-pptx.js`, loaded from beside it on the first call.
   *
   * @throws when the graph is not drawn yet, or the writer cannot be loaded.
   */
  async exportPptx(): Promise<Blob> {
    const input = this.slideInput(true);
    const { slideDeck, deckToPptx } = await loadPptxWriter();
    return new Blob([await deckToPptx(slideDeck(input))], { type: PPTX_TYPE });
  }

  /** What the slide builder needs to know of the graph as drawn. */
  private slideInput(steps: boolean): SlideInput {
    const cy = this.cytoscape.cy;
    const graph = this.loaded;
    const elements = this.shown?.elements;
    if (!cy || !graph || !elements || this.error || cy.nodes().empty()) throw new Error('The graph is not drawn yet: wait for graph-ready before exporting.');
    // the scene's elements, where Cytoscape has placed them
    const positions = new Map(cy.nodes().map((node) => [node.id(), { ...node.position() }]));
    return { graph, elements, positions, view: this.view, lang: this.displayLang, hidden: this.hiddenKeys, colours: this.themeColours(), highlight: this.highlight(), step: this.stepNumber, steps };
  }

  /**
   * How the graph as drawn reads, as if this canvas were a slide (see `measureSlide`): the label
   * size on screen, actors overlapping, relations crossing or drawn through a third actor, fill.
   *
   * @throws when the graph is not drawn (still loading, failed, or never shown).
   */
  slideFigures(): SlideFigures {
    const cy = this.cytoscape.cy;
    if (!cy || !this.loaded || this.error || cy.nodes().empty()) throw new Error('The graph is not drawn yet: wait for graph-ready before measuring it.');
    return measureSlide(shownSlide(cy));
  }

  /** Shows the next presentation step (the first, if none is shown). */
  next(): void {
    const total = this.steps.length;
    if (total > 0) this.step = Math.min((this.stepNumber ?? 0) + 1, total);
  }

  /** Shows the previous presentation step; before the first it stays on the first. */
  prev(): void {
    if (this.steps.length > 0) this.step = Math.max((this.stepNumber ?? 1) - 1, 1);
  }

  /** The presentation steps of the current view. */
  get steps(): Step[] {
    return this.loaded?.views?.find((view) => view.id === this.view)?.steps ?? [];
  }

  /** The step shown: `step` as a whole number within the view's steps; undefined for the whole view. */
  /**
   * Whether the legend stands over the canvas, in an empty corner or along its bottom (see
   * `FloatingLegend`): on a slide showing a whole view, not a step (its caption sits there) nor a trace (its chains do).
   */
  private get legendFloats(): boolean {
    return this.static && !this.stepNumber && !this.traced;
  }

  private get stepNumber(): number | undefined {
    return shownStep(this.step, this.steps.length);
  }

  private get currentStep(): Step | undefined {
    const shown = this.stepNumber;
    return shown ? this.steps[shown - 1] : undefined;
  }

  /** Actors shown at the current step (those of steps 1…n); undefined when no step is shown. */
  private get stepActors(): Set<string> | undefined {
    return this.currentStep ? new Set(this.steps.slice(0, this.stepNumber).flatMap((s) => s.actors)) : undefined;
  }

  private renderCaption(lang: DisplayLang) {
    const step = this.currentStep;
    if (!step) return nothing;
    return html`<p part="caption" aria-live="polite">
      <span class="step-number">${this.stepNumber} / ${this.steps.length}</span> ${inLang(step.caption, lang)}
    </p>`;
  }

  /** What the graph shows besides its elements: filters, the step (actors of steps 1…n, step n's emphasised), trace, focus, marks. */
  private displayState(): DisplayState {
    const step = this.currentStep;
    return {
      filtered: this.hiddenKeys,
      stepShown: this.stepActors ?? null,
      stepEmphasis: step ? (step.emphasis ?? step.actors) : [],
      focused: this.focusedActor,
      marked: this.counterparts,
      highlight: this.highlight(),
    };
  }

  /** Pixels of the canvas's right side the trace panel covers, with a margin; 0 without a panel. */
  private panelCover(): number {
    const panel = this.renderRoot.querySelector('[part="panel"]');
    const canvas = this.renderRoot.querySelector<HTMLElement>('[part="canvas"]');
    // no panel, or one not shown (in print): nothing covered
    if (!panel || !canvas || panel.getClientRects().length === 0) return 0;
    const box = canvas.getBoundingClientRect();
    // in CSS pixels of the canvas, also on a slide that the deck scales
    const scale = box.width > 0 ? canvas.clientWidth / box.width : 1;
    return Math.max(0, (box.right - panel.getBoundingClientRect().left) * scale + 8);
  }

  /** Zoom to a new step in a short animation, except for readers who ask for less motion and in print. */
  private animateSteps(): boolean {
    return !reducedMotion() && !matchMedia('print').matches;
  }

  private announceStep(): void {
    if (this.currentStep) emit(this, 'step-change', { step: this.stepNumber!, total: this.steps.length });
  }

  private renderOverlays(graph: Graph, lang: DisplayLang) {
    // the legend lists what is on screen: the view, and at a presentation step only what it shows so far
    const vocabulary = vocabularyOf(graph);
    const legend = legendIn(vocabulary, selectView(graph, this.view, this.stepActors));
    // the search box right after the graph in Tab order, before the legend's many buttons
    return html`
      ${this.static
        ? nothing
        : html`<governance-search part="search" .graph=${this.viewGraph(graph)} lang=${lang} label=${msg('search', lang)} @search-pick=${(event: InnerEvent<'search-pick'>) => this.handleSelect(event.detail.id)}></governance-search>`}
      <governance-legend part="legend" ?compact=${this.static} .vocabulary=${vocabulary} .sectors=${legend.sectors} .relations=${legend.relations} ?inferred=${legend.inferred} .hiddenKeys=${this.hiddenKeys} lang=${lang} @legend-toggle=${this.handleLegendToggle}></governance-legend>
      ${this.traced && !this.static
        ? html`<governance-actor-panel
            part="panel"
            .graph=${graph}
            actor=${this.traced.id}
            lang=${lang}
            .trace=${this.traced}
            .connection=${this.connection}
            ?in-view=${Boolean(this.view)}
            .reachable=${this.viewGraph(graph)}
            .source=${this.preparedSource(this.sourceText)}
            ?influence=${this.influence}
            @panel-navigate=${(event: InnerEvent<'panel-navigate'>) => this.handleSelect(event.detail.id)}
            @panel-close=${() => this.handleSelect(null)}
            @panel-trace-to=${(event: InnerEvent<'panel-trace-to'>) => (this.traceTo = event.detail.id ?? undefined)}
            @panel-influence=${(event: InnerEvent<'panel-influence'>) => (this.influence = event.detail.influence)}
          ></governance-actor-panel>`
        : nothing}
    `;
  }

  /** Why nothing is drawn, in the element's language (the `graph-error` event says it in English, for scripts and logs). */
  private renderError(error: GraphError, lang: DisplayLang) {
    const { message, problems } = error.in(lang);
    return html`<div part="error" role="alert">
      <h2>${msg('errorTitle', lang)}</h2>
      <p>${message}</p>
      ${problems.length > 1
        ? html`<h3>${msg('errorMore', lang)}</h3>
            <ul>
              ${problems.slice(0, 50).map((problem) => html`<li><code>${problem.path}</code>: ${problem.message}</li>`)}
            </ul>`
        : nothing}
    </div>`;
  }

  /** Loads `src` or the built-in `model`; a newer request aborts an older one. */
  private load(): void {
    this.loading?.abort();
    this.loading = undefined;
    this.loaded = undefined;
    this.error = undefined;
    this.sourceOrigin = undefined;
    if (this.src) {
      const request = (this.loading = new AbortController());
      // an aborted request (a newer one, or the element left the page) reports nothing
      const settled = () => {
        if (request !== this.loading || request.signal.aborted) return false;
        this.loading = undefined;
        return true;
      };
      loadGraph(this.src, request.signal).then(
        ({ graph, url }) => {
          if (!settled()) return;
          this.loaded = graph;
          this.sourceOrigin = foreignOrigin(url);
        },
        (error: Error) => {
          if (settled()) this.fail(error instanceof GraphError ? error : new GraphError(error.message));
        },
      );
    } else if (builtinModel(this.model)) {
      this.loaded = builtinModel(this.model);
    } else {
      const names = Object.keys(BUILTIN_MODELS);
      const message = this.model ? LOADING.noBuiltIn(quoted(this.model), closest(this.model, names), names) : LOADING.noModel();
      this.fail(GraphError.of(message, [{ path: this.model ? 'model' : 'src', message }]));
    }
  }

  private fail(error: GraphError): void {
    this.error = error;
    this.shown = undefined;
    this.cytoscape.show(undefined);
  }

  /** The theme in use: the attribute, or the system's light or dark preference. */
  private get effectiveTheme(): Theme {
    return this.theme ?? (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
  }

  private readonly handleSchemeChange = () => {
    if (!this.theme) this.showScene();
  };

  /**
   * The theme's colours with the host's custom properties applied. A property that is no colour
   * is ignored, as CSS ignores it: its text reaches Cytoscape and SVG exports, never markup.
   */
  private themeColours(): ThemeColours {
    const theme = this.effectiveTheme;
    const fallback = Object.hasOwn(THEME_COLOURS, theme) ? THEME_COLOURS[theme] : THEME_COLOURS.light;
    const computed = getComputedStyle(this);
    const read = (name: string, value: string) => cssColour(computed.getPropertyValue(name).trim()) ?? value;
    const scale = Number(computed.getPropertyValue('--gg-scale').trim() || fallback.scale);
    return {
      background: read('--gg-background', fallback.background),
      text: read('--gg-text', fallback.text),
      edge: read('--gg-edge', fallback.edge),
      edgeSoft: read('--gg-edge-soft', fallback.edgeSoft),
      highlight: read('--gg-highlight', fallback.highlight),
      upstream: read('--gg-upstream', fallback.upstream),
      downstream: read('--gg-downstream', fallback.downstream),
      error: read('--gg-error', fallback.error),
      // a typo such as 100 would draw labels larger than any screen
      scale: scale > 0 ? Math.min(Math.max(scale, MIN_SCALE), MAX_SCALE) : 1,
    };
  }

  /** An unknown view is an error, not a silently different graph. */
  private checkView(graph: Graph): void {
    if (!this.view || graph.views?.some((view) => view.id === this.view)) {
      if (this.error?.problems[0]?.path === 'view') this.error = undefined;
      return;
    }
    const names = graph.views?.map((view) => view.id) ?? [];
    const message = LOADING.noView(quoted(graph.id), quoted(this.view), closest(this.view, names), names);
    this.fail(GraphError.of(message, [{ path: 'view', message }]));
  }

  /** The scene shown (see `scene.ts`); the next one reuses its elements when only the state changed. */
  private shown?: Scene;

  /**
   * Hands what the graph shows to the controller, in one call: the scene of the loaded graph in
   * the current view, language, theme (Cytoscape cannot read CSS variables: the custom properties
   * are resolved here), layout and state.
   */
  private showScene(): void {
    const graph = this.loaded;
    if (!graph || this.error) return;
    this.shown = this.sceneOf(graph, this.themeColours());
    this.cytoscape.show(this.shown);
  }

  /** The scene of `graph` as the element shows it now, in `colours`, with the elements of the scene shown when they still hold. */
  private sceneOf(graph: Graph, colours: ThemeColours): Scene {
    const options = {
      view: this.view,
      lang: this.displayLang,
      layout: this.layout === 'bands' || this.layout === 'rows' ? this.layout : ('hierarchy' as const),
      colours,
      reducedMotion: reducedMotion(),
      measure: canvasMeasure,
    };
    return scene(graph, this.displayState(), options, this.shown);
  }

  /** The source text prepared for look-ups, once per text. */
  private readonly preparedSource = preparedOnce();

  /** The last graph and view `viewGraph` was asked for, and what it gave. */
  private viewMemo?: { graph: Graph; view?: string; shown: Graph };

  /** The graph as the view draws it (the whole graph without a view), once per graph and view: what traces follow and the search boxes offer. */
  private viewGraph(graph: Graph): Graph {
    if (this.viewMemo?.graph !== graph || this.viewMemo.view !== this.view) {
      const { actors, relations } = selectView(graph, this.view);
      this.viewMemo = { graph, view: this.view, shown: this.view ? { ...graph, nodes: actors, edges: relations } : graph };
    }
    return this.viewMemo.shown;
  }

  /** A `trace-change` to send once the update that computed it is done. */
  private traceChange?: TraceChangeDetail;

  /** Follows `trace` (and `trace-to`) through the graph; an unknown id is a notice, not a crash. */
  private computeTrace(): void {
    const graph = this.loaded;
    const previous = this.traced;
    this.traced = undefined;
    this.connection = undefined;
    this.traceProblem = undefined;
    if (!graph || !this.trace) {
      if (previous) this.traceChange = { id: null, upstream: [], downstream: [] };
      return;
    }
    const options = { influence: this.influence };
    // chains stay within the view: a chain through an actor not drawn could not be followed on screen
    const shown = this.viewGraph(graph);
    try {
      if (this.view) assertInView(graph, shown, this.view, [this.trace, this.traceTo]);
      const trace = traceActor(shown, this.trace, options);
      this.traced = trace;
      this.connection = this.traceTo ? { to: this.traceTo, chains: connectingChains(shown, this.trace, this.traceTo, options) } : undefined;
      const { upstream, downstream } = traceByDirection(graph, trace, this.connection);
      this.traceChange = { id: trace.id, ...(this.connection ? { to: this.connection.to } : {}), upstream, downstream };
    } catch (error) {
      this.traceProblem = error instanceof GraphError ? error : new GraphError((error as Error).message);
    }
  }

  /** The elements to emphasise for the current trace, for the controller. */
  private highlight(): Highlight | null {
    if (!this.traced || !this.loaded) return null;
    const { upstreamIds, downstreamIds } = traceByDirection(this.loaded, this.traced, this.connection);
    return { root: this.traced.id, upstream: upstreamIds, downstream: downstreamIds };
  }

  private handleDrawn(): void {
    const cy = this.cytoscape.cy;
    if (!cy || !this.loaded || this.error) return;
    emit(this, 'graph-ready', { id: this.loaded.id, nodes: cy.nodes().length, edges: cy.edges().length });
  }

  /** A graph that loaded but could not be laid out or drawn: say so, with what to try. */
  private handleDrawError(error: Error): void {
    const message = LOADING.layout(clip(error.message));
    this.fail(GraphError.of(message, [{ path: 'layout', message }]));
  }

  /** A user's pick (click, search, panel, keyboard) traces the actor; `null` clears. */
  private handleSelect(id: string | null): void {
    if (this.static) return;
    this.trace = id ?? undefined;
    this.traceTo = undefined;
    if (id) emit(this, 'actor-select', { id });
  }

  private handleLegendToggle(event: InnerEvent<'legend-toggle'>): void {
    const hidden = toggleHidden(this.hide, event.detail.key);
    this.hide = hidden.join(',');
    emit(this, 'filter-change', { hidden });
  }

  private readonly handleBeforePrint = () => {
    const cy = this.cytoscape.cy;
    if (cy && cy.width() > 0) this.printImage = cy.png({ full: false, scale: 2, bg: this.themeColours().background });
  };

  private readonly handleAfterPrint = () => {
    this.printImage = undefined;
  };

  private handleKeydown(event: KeyboardEvent): void {
    if (event.key === 'Escape' && (this.trace || this.traceProblem)) {
      this.handleSelect(null);
      this.traceProblem = undefined;
      event.stopPropagation();
      return;
    }
    // arrow keys and Enter act on the canvas only, so a slide deck keeps its keys elsewhere
    if (this.static || event.composedPath()[0] !== this.canvas) return;
    const moves: Record<string, FocusMove> = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' };
    const stepping = this.stepNumber !== undefined;
    if (stepping && (event.key === 'ArrowRight' || event.key === 'PageDown')) this.next();
    else if (stepping && (event.key === 'ArrowLeft' || event.key === 'PageUp')) this.prev();
    else if (event.key in moves) {
      const cy = this.cytoscape.cy;
      const next = cy ? nextFocusIn(cy, this.focusedActor ?? this.trace ?? null, moves[event.key]) : null;
      if (next) this.focusedActor = next;
    } else if ((event.key === 'Enter' || event.key === ' ') && this.focusedActor) {
      this.handleSelect(this.focusedActor);
    } else return;
    event.preventDefault();
    event.stopPropagation();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'governance-graph': GovernanceGraph;
  }
}
