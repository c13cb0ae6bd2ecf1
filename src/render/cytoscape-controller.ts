import type { Core, EdgeSingular, EventObject } from 'cytoscape';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { atLabelSize, growHubsIn } from './hubs.js';
import { fitViewport, withPoints, type Bounds, type Reserved, type Viewport } from './layout.js';
import { legendCorner, type LegendPlace } from './legend-room.js';
import { GOAL_ZOOM } from './slide-layout.js';
import { inferredBadge } from './palette.js';
import { extentOf, placeActors } from './placement.js';
import { ROUTED, routeRelationsIn } from './routing.js';
import { fitsSlide } from './slide-metrics.js';
import { createCytoscape, loadCytoscape, type CytoscapeFactory } from './cytoscape-loader.js';
import type { Scene } from './scene.js';
import { applyClasses } from './classes.js';
import { holdFocusRing } from './focus.js';
import { LARGE_GRAPH, StagedPatch } from './staging.js';
import { ContainerWatch, containerAspect, containerWidth } from './container-watch.js';

/**
 * How much larger the type must be for a slide's actors to be laid out for the whole canvas, their
 * legend in a corner, rather than for the canvas above the legend (see `fitWithLegend`): a layout
 * made for a shape the legend may not leave is kept to where it pays.
 */
const WHOLE_CANVAS_GAIN = 1.05;

/** Lines are looked at every this many px for a legend's room (see `legendPlace`): closer than its clearance, so none slips between. */
const LINE_SAMPLE_PX = 8;

/** How long the view takes to zoom to the next presentation step, in ms. */
const STEP_ZOOM_MS = 450;

/** What the controller needs from its host. */
export interface CytoscapeControllerOptions {
  /** The stable container element (never rendered conditionally). */
  container: () => HTMLElement | null | undefined;
  /** An actor was tapped (`id`) or empty space was (`null`). */
  onSelect: (id: string | null) => void;
  /** The current elements are laid out, on screen, and answer the pointer. */
  onDrawn: () => void;
  /** The pointer entered an actor (`id`) or left it (`null`). */
  onHover?: (id: string | null) => void;
  /** Pixels at the edges of the canvas that fitting leaves free (a search box, a caption, a panel). */
  reserved?: () => Reserved;
  /** A legend drawn over the canvas (on a slide), to put in an empty corner or under the graph (see `legendCorner`); none: the legend is the host's own affair. */
  floatingLegend?: () => FloatingLegend | undefined;
  /** The current elements could not be laid out or drawn; the host says so and clears them. */
  onError?: (error: Error) => void;
}

/** A legend over the canvas, which the controller places where the graph leaves room for it. */
export interface FloatingLegend {
  /** Its height in px at a width (`Infinity` where it cannot be that narrow). */
  heightAt(width: number): number;
  /** Puts it in a corner at a width, or (none) in a strip along the canvas's bottom; returns its height there in px. */
  place(place: LegendPlace | undefined): number;
}

/**
 * Owns one Cytoscape instance for a Lit host, and nothing else: creates it once there is a scene
 * to show (loading Cytoscape the first time), destroys it on disconnect and re-creates it on
 * reconnect (decks move slides around), shows each new scene by patching, fits the view when the
 * container's size changes (a hidden slide is 0×0), and reports taps, hovers and drawn frames.
 */
export class CytoscapeController implements ReactiveController {
  /** The Cytoscape instance while the host is connected and rendered. */
  cy?: Core;

  private scene?: Scene;
  private interactive = true;
  private watch?: ContainerWatch;
  /** Set once the user pans or zooms: resizing then keeps their viewport instead of re-fitting. */
  private userMoved = false;
  /** The scene changed since the last `onDrawn`. */
  private drawPending = false;
  /** Counts settles, so that only the latest one reports (an older one may still be waiting for a frame). */
  private drawCount = 0;
  private visible = false;
  /** The actor whose focus ring is held at its width on screen (see `holdFocusRing`). */
  private ringed?: string;
  /** The height of the floating legend under the graph the actors were last laid out above, in px; 0: laid out for the whole canvas. */
  private laidOutAbove = 0;
  /** Counts layouts of new elements, so that a floating legend's place (see `fitWithLegend`) is chosen again for each. */
  private layoutCount = 0;
  /** Where `fitWithLegend` last put a floating legend and for which canvas the actors stand, and in what situation. */
  private legendChoice?: { situation: string; above: number; place?: LegendPlace };
  /** What was hidden when the lines were last routed (see `hiddenOf`). */
  private routedAround?: string;
  /** Cytoscape is being loaded (the first time in a page). */
  private starting = false;
  private readonly staging = new StagedPatch();

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

  /** Creates Cytoscape once there is a scene to show (a graph from a file comes later), loading it the first time. */
  private requestStart(): void {
    if (this.cy || this.starting || !this.scene || !this.host.isConnected || !this.options.container()) return;
    this.starting = true;
    // a microtask at the earliest: after updated(), where the host hands over the scene
    loadCytoscape().then(
      (factory) => {
        this.starting = false;
        // disconnected meanwhile: hostUpdated starts again on reconnect
        if (!this.cy && this.scene && this.host.isConnected) this.create(factory);
      },
      (error: unknown) => {
        this.starting = false;
        this.fail(error);
      },
    );
  }

  hostDisconnected(): void {
    this.watch?.disconnect();
    this.watch = undefined;
    this.staging.cancel();
    this.cy?.destroy();
    this.cy = undefined;
    this.visible = false;
  }

  /**
   * Shows a scene (see `scene.ts`), changing only what differs from the last: the stylesheet,
   * the elements (laid out again only if actors came, went or changed size), the layout mode, the
   * state classes. Nothing moves for a new state. `undefined` clears the graph.
   */
  show(next: Scene | undefined): void {
    const previous = this.scene;
    this.scene = next;
    const cy = this.cy;
    if (!next) {
      this.staging.cancel();
      cy?.elements().remove();
      return;
    }
    const redraw = next.elements !== previous?.elements || next.style !== previous?.style || next.placement.mode !== previous?.placement.mode;
    this.drawPending ||= redraw;
    // created later, from the scene as it is then
    if (!cy) return this.requestStart();
    if (next.style !== previous?.style) cy.style().fromJson(next.style).update();
    if (next.elements !== previous?.elements) return this.patch(cy, next);
    if (next.placement.mode !== previous?.placement.mode) this.layout();
    if (next.classes !== previous?.classes) {
      applyClasses(cy, next.classes);
      this.ringed = holdFocusRing(cy, this.ringed);
      this.reroute({ ifHiddenChanged: true });
    }
    this.settle();
  }

  /** Turns pan, zoom and selection on or off (`static` mode). */
  setInteractive(interactive: boolean): void {
    this.interactive = interactive;
    this.cy?.userPanningEnabled(interactive).userZoomingEnabled(interactive);
  }

  /**
   * The extent of the actors shown, in graph coordinates, or undefined before the graph is drawn.
   * At a presentation step only its actors count, so each step fills the view (nobody moves; the
   * view zooms out as actors join). A line routed round the outermost actors counts too: it may
   * run outside them.
   */
  private graphBounds(): Bounds | undefined {
    if (!this.cy || !this.scene) return undefined;
    const hidden = hiddenOf(this.scene).ids;
    const nodes = this.cy.nodes().filter((node) => !hidden.has(node.id()));
    if (nodes.empty()) return undefined;
    const box = extentOf(nodes);
    // a highlighted actor's glow (its underlay: a step's new actors, a trace) is part of the picture, not to be cut at the
    // edge; while any actor glows, every one keeps the widest glow's room, so the frame stays as the glow moves on to the
    // next step's actors (it would zoom in again where the last ones stood at the edge)
    let glow = 0;
    for (const node of nodes) if (node.numericStyle('underlay-opacity') > 0) glow = Math.max(glow, node.numericStyle('underlay-padding'));
    [box.x1, box.y1, box.x2, box.y2] = [box.x1 - glow, box.y1 - glow, box.x2 + glow, box.y2 + glow];
    // routed relations only (see `routeRelationsIn`): asking every edge of a large graph for its points would lay them all out
    for (const edge of nodes.edgesWith(nodes).filter(ROUTED)) if (!hidden.has(edge.id())) withPoints(box, (edge as EdgeSingular).segmentPoints() ?? []);
    return box;
  }

  /** Fits the actors shown into view, leaving the host's reserved margins (e.g. under a search box, beside a panel) free. */
  fit({ animate = false } = {}): void {
    const cy = this.cy;
    if (!cy) return;
    this.userMoved = false;
    cy.resize();
    const box = this.graphBounds();
    if (!box) return;
    const viewport = this.fitWithLegend(box, { top: 0, bottom: 0, ...this.options.reserved?.() });
    if (!viewport) return;
    cy.stop(true, true);
    if (animate) cy.animate(viewport, { duration: STEP_ZOOM_MS, easing: 'ease-in-out-cubic' });
    else cy.viewport(viewport);
  }

  /**
   * The viewport that fits `box`, leaving `reserved` free. With a floating legend, the actors laid
   * out for the canvas above it (a layout made for that shape only, see `exactShape`) and fitted
   * into that canvas with the legend under the graph; or into the whole canvas with the legend in a
   * corner they leave empty, where that draws the type larger; or, where the type still misses the
   * slide's goal (`GOAL_ZOOM`), laid out for the whole canvas with the legend in a corner, where that
   * draws it larger by `WHOLE_CANVAS_GAIN`. The actors stand, and the legend is put, as chosen.
   */
  private fitWithLegend(box: Bounds, reserved: Reserved): Viewport | undefined {
    const cy = this.cy!;
    const [width, height] = [cy.width(), cy.height()];
    const legend = this.options.floatingLegend?.();
    if (!legend || !this.scene) return fitViewport(box, width, height, reserved);
    const strip = legend.place(undefined);
    // chosen before for the same layout, canvas, legend and shown actors: the same choice, without trying again
    const situation = [this.layoutCount, width, height, strip, hiddenOf(this.scene).key].join('\n');
    const chosen = this.legendChoice?.situation === situation ? this.legendChoice : undefined;
    if (chosen) {
      this.layOutAbove(chosen.above);
      legend.place(chosen.place);
      const shown = this.graphBounds() ?? box;
      return fitViewport(shown, width, height, chosen.place ? reserved : { ...reserved, bottom: reserved.bottom + strip });
    }
    let best: { viewport: Viewport; place?: LegendPlace; above: number } | undefined;
    for (const above of [strip, 0]) {
      // laid out for the whole canvas only where the picture above the legend misses the slide's type: a layout more to make
      if (above === 0 && best && best.viewport.zoom >= GOAL_ZOOM) break;
      this.layOutAbove(above);
      const shown = this.graphBounds();
      const whole = shown && fitViewport(shown, width, height, reserved);
      if (!whole) continue;
      const place = this.legendPlace(legend, whole);
      const under = above > 0 ? fitViewport(shown, width, height, { ...reserved, bottom: reserved.bottom + strip }) : undefined;
      // the canvas above the legend's layout first: the other picture must draw the type larger to be taken
      const gain = above > 0 ? 1 : WHOLE_CANVAS_GAIN;
      for (const candidate of [under && { viewport: under, above }, place && { viewport: whole, place, above }]) {
        if (candidate && (!best || candidate.viewport.zoom > best.viewport.zoom * gain + 1e-9)) best = candidate;
      }
    }
    if (!best) return undefined;
    this.layOutAbove(best.above);
    // Cytoscape keeps the lines' ends as measured where the other layout put the actors until they are styled anew
    cy.style().update();
    legend.place(best.place);
    this.legendChoice = { situation, above: best.above, place: best.place };
    return best.viewport;
  }

  /** Lays the actors out for the canvas above a floating legend `above` px tall (0: the whole canvas), unless they are already. */
  private layOutAbove(above: number): void {
    const cy = this.cy!;
    if (this.laidOutAbove === above || !this.scene) return;
    this.laidOutAbove = above;
    // a layout made for this very shape: one of a near shape (the other of these two) would fit no better than it
    this.placeFor(cy.width() / Math.max(1, cy.height() - above), true);
  }

  /** Places the actors for a canvas of the shape `aspect` (see `placeActors`) at their labels' sizes, then draws hubs taller and routes the lines round them. */
  private placeFor(aspect: number, exactShape = false): void {
    const cy = this.cy!;
    // dagre measures the actors in `cy`: as the layouts are kept, by their labels' sizes
    atLabelSize(cy);
    placeActors(cy, { ...this.scene!.placement, aspect, width: containerWidth(this.options.container()), exactShape });
    this.route();
  }

  /** Where a floating legend fits clear of the graph drawn at `viewport` on the whole canvas (see `legendCorner`). */
  private legendPlace(legend: FloatingLegend, { zoom, pan }: Viewport): LegendPlace | undefined {
    const cy = this.cy!;
    const hidden = this.scene ? hiddenOf(this.scene).ids : new Set<string>();
    const onScreen = ({ x, y }: { x: number; y: number }) => ({ x: x * zoom + pan.x, y: y * zoom + pan.y });
    const drawn: Bounds[] = [];
    for (const node of cy.nodes()) {
      if (hidden.has(node.id())) continue;
      const centre = onScreen(node.position());
      const [halfWidth, halfHeight] = [(node.data('width') / 2) * zoom, (node.data('height') / 2) * zoom];
      drawn.push({ x1: centre.x - halfWidth, y1: centre.y - halfHeight, x2: centre.x + halfWidth, y2: centre.y + halfHeight });
    }
    // lines as points a few px apart, and each line's middle as large as the mark (∗) it may carry there
    const mark = inferredBadge(this.scene?.colours.scale ?? 1).radius * zoom;
    for (const edge of cy.edges()) {
      if (hidden.has(edge.id()) || hidden.has(edge.source().id()) || hidden.has(edge.target().id())) continue;
      const points = [edge.source().position(), ...(edge.is(ROUTED) ? edge.segmentPoints() : []), edge.target().position()].map(onScreen);
      for (let i = 1; i < points.length; i++) {
        const [a, b] = [points[i - 1], points[i]];
        const steps = Math.ceil(Math.hypot(b.x - a.x, b.y - a.y) / LINE_SAMPLE_PX);
        for (let k = 0; k <= steps; k++) {
          const [x, y] = [a.x + ((b.x - a.x) * k) / steps, a.y + ((b.y - a.y) * k) / steps];
          drawn.push({ x1: x, y1: y, x2: x, y2: y });
        }
      }
      const middle = onScreen(edge.midpoint());
      drawn.push({ x1: middle.x - mark, y1: middle.y - mark, x2: middle.x + mark, y2: middle.y + mark });
    }
    // each width measured once: measuring lays the legend out anew
    const heights = new Map<number, number>();
    const heightAt = (width: number) => heights.get(Math.round(width)) ?? heights.set(Math.round(width), legend.heightAt(width)).get(Math.round(width))!;
    return legendCorner(drawn, { width: cy.width(), height: cy.height() }, heightAt);
  }

  private create(factory: CytoscapeFactory): void {
    const container = this.options.container();
    const scene = this.scene;
    if (!container || !scene) return;
    const cy = createCytoscape(factory, container, { style: scene.style, large: scene.elements.length > LARGE_GRAPH });
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
    cy.on('dragpan scrollzoom pinchzoom', () => void (this.userMoved = true));
    cy.on('zoom', () => void (this.ringed = holdFocusRing(cy, this.ringed)));
    this.watch = new ContainerWatch(container, { onResize: () => this.handleResize(), onMove: () => this.cy?.resize() });
    this.drawPending = scene.elements.length > 0;
    this.patch(cy, scene);
  }

  /** Brings `cy` to the scene's elements (a large graph across tasks), then its classes, then reports it drawn. */
  private patch(cy: Core, scene: Scene): void {
    // not reported drawn before every step is done, whatever resizes meanwhile
    const pending = this.drawPending;
    this.drawPending = false;
    let laidOut = false;
    this.staging.patch(cy, scene.elements, {
      relayout: () => {
        laidOut = true;
        this.layout();
      },
      done: () => {
        this.drawPending = pending;
        // the latest state: it may have changed while a large graph was being added
        if (this.scene) applyClasses(cy, this.scene.classes);
        // data changed where the actors stand (a relation's type, the author's reading, what is hidden): lines routed again
        if (!laidOut) this.reroute();
        this.ringed = holdFocusRing(cy, this.ringed);
        // a new instance measures its container first; one on screen reports the new frame
        if (this.visible) this.settle();
        else this.handleResize();
      },
    });
  }

  /** Places the actors (see `placeActors`); a layout that fails is reported, not thrown. */
  private layout(): void {
    if (!this.cy || !this.scene || this.cy.nodes().empty()) return;
    try {
      // with a floating legend, for the canvas above it, then as the fit finds best (see `fitWithLegend`); else for the whole canvas
      const container = this.options.container();
      this.layoutCount++;
      const legend = container && container.clientHeight > 0 ? this.options.floatingLegend?.() : undefined;
      this.laidOutAbove = legend ? legend.place(undefined) : 0;
      this.placeFor(this.laidOutAbove ? container!.clientWidth / Math.max(1, container!.clientHeight - this.laidOutAbove) : containerAspect(container), this.laidOutAbove > 0);
    } catch (error) {
      this.fail(error);
    }
  }

  /** Draws hubs taller where they stand (see `growHubsIn`), then routes the shown relations round the shown actors (see `routeRelationsIn`). */
  private route(): void {
    if (!this.cy || !this.scene) return;
    growHubsIn(this.cy, this.scene.elements);
    const hidden = hiddenOf(this.scene);
    routeRelationsIn(this.cy, { markRadius: inferredBadge(this.scene.colours.scale).radius }, hidden.ids);
    this.routedAround = hidden.key;
  }

  /** Routes the lines again where the graph is routed at all (see `routesIn`); with `ifHiddenChanged`, only if what is shown changed. */
  private reroute({ ifHiddenChanged = false } = {}): void {
    const cy = this.cy;
    // a graph too large for routes has none to change (and its hidden set would be costly to follow)
    if (!cy || !this.scene || !fitsSlide(cy.nodes().length, cy.edges().length)) return;
    if (!ifHiddenChanged || hiddenOf(this.scene).key !== this.routedAround) this.route();
  }

  /** Reports a failure to lay out or draw to the host, which shows it instead of a blank canvas. */
  private fail(error: unknown): void {
    this.options.onError?.(error instanceof Error ? error : new Error(String(error)));
  }

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
    if (appeared || !this.userMoved) this.fit({ animate: !appeared && cy.animated() });
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
        if (current()) this.options.onDrawn();
      });
      cy.forceRender();
    });
  }
}

/** Hidden elements by state classes (see `hiddenOf`): a scene's classes change with every state, its hidden elements seldom. */
const hiddenSets = new WeakMap<Scene['classes'], { ids: ReadonlySet<string>; key: string }>();

/** The elements a scene hides (their look's `hidden`: a sector or relation type hidden, a step not yet shown), and the same as one string, to tell whether they changed. */
function hiddenOf(scene: Scene): { ids: ReadonlySet<string>; key: string } {
  let hidden = hiddenSets.get(scene.classes);
  if (!hidden) {
    const ids = new Set([...scene.classes.keys()].filter((id) => scene.look(id).hidden));
    hidden = { ids, key: [...ids].sort().join('\n') };
    hiddenSets.set(scene.classes, hidden);
  }
  return hidden;
}
