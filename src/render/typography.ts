/**
 * Type, in one place: the canvas, exports and the elements' CSS use the same label size, font
 * stack and line height.
 */

/** Font stack: Noto Sans CJK first so Chinese renders the same on every machine that has it. */
export const FONT_FAMILY = '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif';

/** Base label size in px before the theme's scale. */
export const BASE_FONT_SIZE = 16;

/** Labels smaller than this on screen, in px, are not drawn: large graphs stay smooth when zoomed out. */
export const MIN_ZOOMED_FONT_SIZE = 5;

/** The label size of a theme whose `scale` multiplies label size and line widths, in px. */
export const labelSize = (scale: number): number => BASE_FONT_SIZE * scale;

/** Line height of actor labels, as a multiple of the font size. */
export const LINE_HEIGHT = 1.25;

/**
 * The one font an office file names for labels, Latin and East Asian text alike: Microsoft YaHei
 * comes with Windows, Office for Mac and WPS; elsewhere (LibreOffice on Linux) the program
 * substitutes a CJK font such as Noto Sans CJK for it.
 */
export const OFFICE_FONT = 'Microsoft YaHei';
