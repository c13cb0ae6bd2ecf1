import type { Core, ElementDefinition, EventObject, StylesheetJson } from 'cytoscape';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { extentOfActors, fitViewport, type Bounds, type Reserved } from './layout.js';
import { nextFocus, type FocusMove } from './focus.js';
import { patchElements } from './patch.js';
import { computePlacement, extentOf, knownPlacement, layoutKey, type LayoutMode, type PlacementRequest, type Positions } from './placement.js';
import { loadCytoscape, loadedCytoscape, type CytoscapeFactory } from './cytoscape-loader.js';
import { classesOf, type DisplayState } from './classes.js';
import { paintPreview } from './preview.js';
import { softwareCytoscape } from './software-canvas.js';
import type { ThemeColours } from './palette.js';

export type { Bounds } from './layout.js';
export type { DisplayState, Highlight } from './classes.js';
export type { LayoutMode } from './placement.js';

/** What a layout's key is made of besides the layout mode (see `layoutKey`). */
export type LayoutKeyParts = Omit<Parameters<typeof layoutKey>[0], 'mode'>;

export type { FocusMove } from './focus.js';

/**
 * Cytoscape puts an inline `<style>` into the page's head unless one with its id exists; a strict
 * Content-Security-Policy blocks it and reports a violation. Its one rule (position: relative)
 * is in our own styles, so a placeholder with that id keeps Cytoscape from adding it.
 */
function markCytoscapeStylesheet(document: Document): void {
  const id = '__________cytoscape_stylesheet';
  if (document.getElementById(id)) return;
  const placeholder = document.createElement('meta');
  placeholder.id = id;
  document.head.append(placeholder);
}

/** Resolves in a later task, so that the browser can handle input in between. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve));

/** Resolves once the browser has shown the current frame and begun the next. */
const afterPaint = () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve))));

/** Above this many elements (actors and relations) a graph is large: added in steps across tasks, panned and zoomed as one picture. */
const LARGE_GRAPH = 2000;

/** How long the view takes to zoom to the next presentation step, in ms. */
const STEP_ZOOM_MS = 450;

/** Page events after which the container may sit elsewhere on screen. */
const MOVE_EVENTS = ['transitionend', 'animationend', 'scroll', 'resize'] as const;

/** What the controller needs from its host. */
export interface CytoscapeControllerOptions {
  /** The stable container element (never rendered conditionally). */
  container: () => HTMLElement | null | undefined;
  /** An actor was tapped (`id`) or empty space was (`null`). */
  onSelect: (id: string | null) => void;
  /** The current elements are laid out and on screen. */
  onDrawn: () => void;
  /** The pointer entered an actor (`id`) or left it (`null`). */
  onHover?: (id: string | null) => void;
  /** Pixels at the top and bottom of the canvas that fitting leaves free (a search box, a caption). */
  reserved?: () => Reserved;
  /** A canvas over the container for the first picture, painted before Cytoscape is ready. */
  preview?: () => HTMLCanvasElement | null | undefined;
  /** The current elements could not be laid out or drawn; the host says so and clears them. */
  onError?: (error: Error) => void;
}

/**
 * Owns one Cytoscape instance for a Lit host: creates it after the first render, destroys it
 * on disconnect and re-creates it on reconnect (decks move slides around), resizes and fits
 * it when its container's size changes (a hidden slide is 0×0), and patches elements in place.
 */
export class CytoscapeController implements ReactiveController {
  /** The Cytoscape instance while the host is connected and rendered. */
  cy?: Core;

  private elements: ElementDefinition[] = [];
  private style: StylesheetJson = [];
  private colours?: ThemeColours;
  private interactive = true;
  private state: DisplayState = { filtered: new Set(), stepShown: null, stepEmphasis: [], focused: null, marked: [], highlight: null };
  private layoutMode: LayoutMode = 'hierarchy';
  private keyParts?: LayoutKeyParts;
  private persistLayout = false;
  /** A box to fit instead of the whole graph (set by a composing element to align two graphs). */
  private fitBounds?: Bounds;
  private observer?: ResizeObserver;
  /** Set once the user pans or zooms: resizing then keeps their viewport instead of re-fitting. */
  private userMoved = false;
  /** Elements changed since the last `onDrawn`. */
  private drawPending = false;
  /** Counts settles, so that only the latest one reports (an older one may still be waiting for a frame). */
  private drawCount = 0;
  private visible = false;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: CytoscapeControllerOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    // reconnected after a move: render again so hostUpdated can re-create the instance
    if (!this.cy) this.host.requestUpdate();
  }

  hostUpdated(): void {
    this.requestStart();
  }

  /** Creates Cytoscape once there is something to draw (a graph from a file comes later). */
  private requestStart(): void {
    if (this.cy || this.starting || this.elements.length === 0 || !this.host.isConnected || !this.options.container()) return;
    this.starting = true;
    // after updated(), where the host hands over elements, style and state
    queueMicrotask(() => void this.start());
  }

  /** Cytoscape is being created (loaded first, the first time in a page). */
  private starting = false;

  /**
   * Paints the first picture (positions known at once, or else laid out by dagre in a headless
   * Cytoscape), lets the browser show it, then creates the live Cytoscape, loading it the first
   * time. The picture appears before the renderer is set up and draws its first frame.
   */
  private async start(): Promise<void> {
    try {
      const painted = this.paintPreview();
      // one step per task: the picture is shown before Cytoscape is evaluated, and that before dagre or the renderer
      await (painted ? afterPaint() : nextTask());
      const factory = loadedCytoscape() ?? (await loadCytoscape());
      await nextTask();
      if (!painted && this.elements.length > 0 && this.host.isConnected && this.hasSize()) {
        this.layOutHeadless(factory);
        if (this.paintPreview()) await afterPaint();
      }
      this.starting = false;
      const container = this.options.container();
      // disconnected meanwhile: hostUpdated starts again on reconnect
      if (!this.cy && this.host.isConnected && container) this.create(factory, container);
    } catch (error) {
      this.starting = false;
      this.fail(error);
    }
  }

  /** Reports a failure to lay out or draw to the host, which shows it instead of a blank canvas. */
  private fail(error: unknown): void {
    this.clearPreview();
    this.options.onError?.(error instanceof Error ? error : new Error(String(error)));
  }

  /**
   * Draws the current elements on the preview canvas if their positions are known without
   * running dagre (see `knownPositions`) and the container has a size. Returns whether it did.
   */
  private paintPreview(): boolean {
    const canvas = this.options.preview?.();
    const container = this.options.container();
    if (!canvas || !container || !this.colours || this.elements.length === 0) return false;
    const [width, height] = [container.clientWidth, container.clientHeight];
    if (width === 0 || height === 0) return false;
    const positions = knownPlacement(this.placementRequest());
    if (!positions) return false;
    const classes = classesOf(this.elements, this.state);
    const shown = this.elements.filter(({ data }) => data.source === undefined && !classes.get(data.id!)?.some((name) => name === 'filtered' || name === 'step-hidden'));
    const box = this.fitBounds ?? extentOfActors(shown.map(({ data }) => ({ ...positions.get(data.id!)!, width: data.width, height: data.height })));
    const viewport = fitViewport(box, width, height, this.options.reserved?.());
    if (!viewport) return false;
    paintPreview(canvas, width, height, { elements: this.elements, positions, classes, viewport, colours: this.colours });
    canvas.hidden = false;
    performance.mark('governance-preview');
    return true;
  }

  /**
   * Runs dagre for the first picture in a headless Cytoscape, which has no renderer to set up
   * and no first frame to draw; the live instance then reuses the positions.
   */
  private layOutHeadless(cytoscape: CytoscapeFactory): void {
    // the live stylesheet, so that actors have the same outer sizes (borders included) for dagre
    const headless = cytoscape({ headless: true, styleEnabled: true, style: this.style, elements: this.elements });
    computePlacement(headless, this.placementRequest());
    headless.destroy();
  }

  /** What the placement module needs to know of the current elements. */
  private placementRequest(): PlacementRequest {
    const container = this.options.container();
    const aspect = container && container.clientHeight > 0 ? container.clientWidth / container.clientHeight : 16 / 9;
    const key = this.keyParts && layoutKey({ ...this.keyParts, mode: this.layoutMode });
    return { elements: this.elements, key, mode: this.layoutMode, aspect, persist: this.persistLayout };
  }

  private hasSize(): boolean {
    const container = this.options.container();
    return Boolean(container && container.clientWidth > 0 && container.clientHeight > 0);
  }

  /** Hides the first picture once Cytoscape has drawn, and frees its pixels. */
  private clearPreview(): void {
    const canvas = this.options.preview?.();
    if (!canvas || canvas.hidden) return;
    canvas.hidden = true;
    canvas.width = 0;
    canvas.height = 0;
  }

  hostDisconnected(): void {
    for (const type of MOVE_EVENTS) window.removeEventListener(type, this.handleMove, true);
    this.observer?.disconnect();
    this.observer = undefined;
    this.cy?.destroy();
    this.cy = undefined;
    this.visible = false;
  }

  /**
   * Shows `elements`, patching the current graph; lays out again only if its shape changed.
   * With `keyParts`, a layout made before for the same key and node sizes is reused; with
   * `persistLayout` (parts that name the graph's content), a new one is also kept for later visits.
   */
  setElements(elements: ElementDefinition[], keyParts?: LayoutKeyParts, { persistLayout = false } = {}): void {
    this.elements = elements;
    this.keyParts = keyParts;
    this.persistLayout = persistLayout;
    this.drawPending = true;
    if (!this.cy) {
      // a first picture of earlier elements would now be wrong
      this.clearPreview();
      this.requestStart();
      return;
    }
    // a newer graph supersedes one still being built in steps
    const run = ++this.stepRun;
    if (elements.length > LARGE_GRAPH) {
      void this.setElementsInSteps(this.cy, elements, run);
      return;
    }
    const start = performance.now();
    const changed = patchElements(this.cy, elements);
    performance.measure('governance-patch', { start });
    if (changed) this.layout();
    this.applyClasses();
    this.settle();
  }

  private stepRun = 0;

  /**
   * A large graph in two tasks (adding, then laying out), so the page stays responsive between
   * them; one batch across both keeps Cytoscape from drawing a half-built graph.
   */
  private async setElementsInSteps(cy: Core, elements: ElementDefinition[], run: number): Promise<void> {
    const current = () => this.cy === cy && this.stepRun === run;
    // not drawn until every step is done, whatever resizes meanwhile
    this.drawPending = false;
    cy.startBatch();
    try {
      const start = performance.now();
      const changed = patchElements(cy, elements);
      performance.measure('governance-patch', { start });
      await nextTask();
      if (!current()) return;
      if (changed) this.layout();
    } finally {
      if (!cy.destroyed()) cy.endBatch();
    }
    if (!current()) return;
    this.drawPending = true;
    this.applyClasses();
    this.settle();
  }

  /** Replaces the stylesheet (theme changes), keeping positions; `colours` are the theme's, for the first picture. */
  setStyle(style: StylesheetJson, colours: ThemeColours): void {
    this.style = style;
    this.colours = colours;
    this.cy?.style().fromJson(style).update();
  }

  /** Turns pan, zoom and selection on or off (`static` mode). */
  setInteractive(interactive: boolean): void {
    this.interactive = interactive;
    this.cy?.userPanningEnabled(interactive).userZoomingEnabled(interactive);
  }

  /**
   * Shows a state (filters, presentation step, trace, focus, counterparts) as classes: nothing
   * moves. Only elements whose classes change are restyled.
   */
  setState(state: DisplayState): void {
    this.state = state;
    this.applyClasses();
  }

  /** Chooses the layout; lays out again if it changed. */
  setLayoutMode(mode: LayoutMode): void {
    if (mode === this.layoutMode) return;
    this.layoutMode = mode;
    if (!this.cy) return;
    this.layout();
    this.drawPending = true;
    this.settle();
  }

  /**
   * The extent of the actors shown, in graph coordinates, or undefined before the graph is drawn.
   * At a presentation step only its actors count, so each step fills the view (nobody moves; the
   * view zooms out as actors join).
   */
  graphBounds(): Bounds | undefined {
    const cy = this.cy;
    const nodes = cy?.nodes().not('.filtered, .step-hidden');
    return nodes && nodes.nonempty() ? extentOf(nodes) : undefined;
  }

  /** The actor a keyboard move goes to from `from` (see `nextFocus`), among those on screen. */
  nextFocus(from: string | null, move: FocusMove): string | null {
    const cy = this.cy;
    if (!cy) return null;
    const candidates = cy.nodes(':visible').map((node) => ({ id: node.id(), ...node.position() }));
    const start = from ? cy.getElementById(from) : undefined;
    if (!start?.nonempty()) return nextFocus(candidates, undefined, move);
    const related = new Set(start.neighborhood('node').map((node) => node.id()));
    return nextFocus(candidates, { id: start.id(), ...start.position() }, move, related);
  }

  /**
   * Fits the whole graph into view, or the given box (kept for later refits), leaving the
   * host's reserved margin (e.g. under a search box) free.
   */
  fit(bounds?: Bounds, { animate = false } = {}): void {
    const cy = this.cy;
    if (!cy) return;
    if (bounds) this.fitBounds = bounds;
    this.userMoved = false;
    cy.resize();
    const box = this.fitBounds ?? this.graphBounds();
    if (!box) return;
    // a box given by a composing element keeps its zoom: no panel may narrow one side of a comparison
    const reserved = { top: 0, bottom: 0, ...this.options.reserved?.(), ...(this.fitBounds ? { right: 0 } : {}) };
    const viewport = fitViewport(box, cy.width(), cy.height(), reserved);
    if (!viewport) return;
    cy.stop(true, true);
    if (animate) cy.animate(viewport, { duration: STEP_ZOOM_MS, easing: 'ease-in-out-cubic' });
    else cy.viewport(viewport);
  }

  private create(cytoscape: CytoscapeFactory, container: HTMLElement): void {
    markCytoscapeStylesheet(container.ownerDocument);
    // software canvases, which WebKit paints with the page (see software-canvas.ts)
    const cy = softwareCytoscape(cytoscape)({
      container,
      style: this.style,
      // a wide hierarchy of thousands of actors must still fit on screen
      minZoom: 0.005,
      maxZoom: 4,
      boxSelectionEnabled: false,
      // selection is the host's state (a trace), shown with the `traced` class
      autounselectify: true,
      // a large graph pans and zooms as one picture of the viewport, redrawn sharp when it stops
      textureOnViewport: this.elements.length > LARGE_GRAPH,
    });
    this.cy = cy;
    this.setInteractive(this.interactive);
    cy.on('tap', (event: EventObject) => {
      // Cytoscape blurs the active element on mousedown; focus the canvas so keys reach the host
      container.focus({ preventScroll: true });
      if (event.target === cy) this.options.onSelect(null);
      else if (event.target.isNode?.()) this.options.onSelect(event.target.id());
    });
    cy.on('mouseover', 'node', (event: EventObject) => this.options.onHover?.(event.target.id()));
    cy.on('mouseout', 'node', () => this.options.onHover?.(null));
    cy.on('dragpan scrollzoom pinchzoom', () => {
      this.userMoved = true;
    });
    patchElements(cy, this.elements);
    this.layout();
    this.applyClasses();
    this.drawPending = this.elements.length > 0;
    for (const type of MOVE_EVENTS) window.addEventListener(type, this.handleMove, { capture: true, passive: true });
    this.observer = new ResizeObserver(() => this.handleResize());
    this.observer.observe(container);
    this.handleResize();
  }

  /** Places the actors at known positions, or lays them out afresh; a layout that fails is reported, not thrown. */
  private layout(): void {
    const cy = this.cy;
    if (!cy || cy.nodes().empty()) return;
    let positions: Positions;
    try {
      const request = this.placementRequest();
      positions = knownPlacement(request) ?? computePlacement(cy, request);
    } catch (error) {
      this.fail(error);
      return;
    }
    // one batch: Cytoscape otherwise updates bounds and styles after every single position
    cy.batch(() => cy.nodes().positions((node) => positions.get(node.id()) ?? node.position()));
  }

  /**
   * Gives every element the classes of the current state (filters, step, trace, focus, marks).
   * Only elements whose classes change are touched: a class change restyles the element, and
   * restyling thousands at once would be one long task.
   */
  private applyClasses(): void {
    const cy = this.cy;
    if (!cy) return;
    const wanted = classesOf(this.elements, this.state);
    const changed = cy.collection();
    cy.batch(() => {
      cy.elements().forEach((element) => {
        const classes = wanted.get(element.id()) ?? [];
        const current = element.classes();
        if (current.length === classes.length && classes.every((name) => current.includes(name))) return;
        element.classes(classes);
        changed.merge(element);
      });
    });
    // Cytoscape restyles lazily; resolve now so selectors such as :visible see the new state
    changed.forEach((element) => void element.style('display'));
  }

  private movePending = false;

  /**
   * The page around the host moved (a slide changed, a deck scaled, the page scrolled): Cytoscape
   * caches where its container is and does not see this through a shadow root, so clicks would
   * land on the wrong actor. Forget the cache once per frame.
   */
  private readonly handleMove = () => {
    if (this.movePending) return;
    this.movePending = true;
    requestAnimationFrame(() => {
      this.movePending = false;
      this.cy?.resize();
    });
  };

  private handleResize(): void {
    const cy = this.cy;
    const container = this.options.container();
    if (!cy || !container) return;
    const visible = container.clientWidth > 0 && container.clientHeight > 0;
    const appeared = visible && !this.visible;
    this.visible = visible;
    if (!visible) return;
    cy.resize();
    // a step's zoom under way (the legend changed the canvas's height): aim it anew instead of cutting it short
    if (appeared || !this.userMoved) this.fit(undefined, { animate: !appeared && cy.animated() });
    this.settle();
  }

  /** After a change, once the graph is on screen: fit it and tell the host it is drawn. */
  private settle(): void {
    if (!this.drawPending || !this.visible || !this.cy) return;
    this.drawPending = false;
    const cy = this.cy;
    const count = ++this.drawCount;
    const current = () => this.cy === cy && this.drawCount === count;
    // child elements (the legend) render in the microtasks queued by this update and may shrink
    // the canvas: measure after them, then report once Cytoscape has painted the fitted frame
    queueMicrotask(() => {
      if (!current()) return;
      cy.resize();
      if (!this.userMoved) this.fit();
      cy.one('render', () => {
        if (!current()) return;
        this.clearPreview();
        this.options.onDrawn();
      });
      cy.forceRender();
    });
  }
}
