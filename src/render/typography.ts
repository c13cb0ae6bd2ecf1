/**
 * Type, in one place: the canvas, the first picture, exports and the elements' CSS use the same
 * font stack and line height.
 */

/** Font stack: Noto Sans CJK first so Chinese renders the same on every machine that has it. */
export const FONT_FAMILY = '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif';

/** Line height of actor labels, as a multiple of the font size. */
export const LINE_HEIGHT = 1.25;
