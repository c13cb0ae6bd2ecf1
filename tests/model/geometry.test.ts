import { describe, expect, it } from 'vitest';
import { exitPoint } from '../../src/render/geometry.js';
import { flatSide, uprightSide } from '../../src/render/shapes.js';

const centre = { x: 0, y: 0 };

describe('exitPoint (where the slides end a relation)', () => {
  it('ends a relation to a hexagon on its slanted side, where Cytoscape ends it, not at its box', () => {
    // coordination bodies are hexagons; this one spans x −100…100, y −30…30
    const point = exitPoint(centre, { width: 200, height: 60, sector: 'coordination' }, { x: 1000, y: 300 });
    expect(point.x).toBeCloseTo(200 / 3);
    expect(point.y).toBeCloseTo(20);
  });

  it('ends on the box of a rectangle and on the curve of an ellipse', () => {
    expect(exitPoint(centre, { width: 200, height: 60, sector: 'government' }, { x: 1000, y: 300 })).toEqual({ x: 100, y: 30 });
    const onEllipse = exitPoint(centre, { width: 200, height: 60, sector: 'society' }, { x: 1000, y: 300 });
    expect((onEllipse.x / 100) ** 2 + (onEllipse.y / 30) ** 2).toBeCloseTo(1);
  });

  it("ends at a policy's cut corner, cut as deep as Cytoscape cuts it whatever the box's size", () => {
    // policies are cut rectangles: on screen the corner of this one is cut from (92, 30) to (100, 22), where x + y = 122
    for (const [width, height] of [[200, 60], [400, 120]]) {
      const toward = { x: width * 5, y: height * 5 };
      const point = exitPoint(centre, { width, height, sector: 'policy' }, toward);
      expect(point.x + point.y, `${width}×${height}`).toBeCloseTo(width / 2 + height / 2 - 8);
      expect(point.x, `${width}×${height}: on the cut`).toBeGreaterThan(width / 2 - 8);
    }
  });

  it("spreads lines along a policy's straight sides, which its 8-unit cuts leave longer on a larger box", () => {
    expect(flatSide('cut-rectangle', 200, 60)).toBeCloseTo(1 - 16 / 200);
    expect(uprightSide('cut-rectangle', 200, 60)).toBeCloseTo(1 - 16 / 60);
    expect(flatSide('cut-rectangle', 400, 120)).toBeGreaterThan(flatSide('cut-rectangle', 200, 60));
    // a box no larger than its cuts has no straight side
    expect(flatSide('cut-rectangle', 16, 16)).toBe(0);
    expect(uprightSide('cut-rectangle', 16, 16)).toBe(0);
  });

  it('leaves a concave outline at its inner corner, and stays put for a target at the centre', () => {
    // regions are concave hexagons, notched at mid-height on both sides
    expect(exitPoint(centre, { width: 200, height: 60, sector: 'region' }, { x: 500, y: 0 }).x).toBeCloseTo(70);
    expect(exitPoint(centre, { width: 200, height: 60, sector: 'region' }, centre)).toEqual(centre);
  });
});
