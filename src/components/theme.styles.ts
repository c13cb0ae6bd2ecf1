import { css, unsafeCSS } from 'lit';
import { THEME_COLOURS, type Theme } from '../render/palette.js';
import { FONT_FAMILY } from '../render/typography.js';

/** The font stack of `render/typography.ts`, for CSS. */
export const fontFamily = unsafeCSS(FONT_FAMILY);

/**
 * The CSS custom properties of a theme, from the one palette in `render/palette.ts`, and
 * `--gg-border`, mixed from its text and background.
 */
export const themeProperties = (theme: Theme) => {
  const c = THEME_COLOURS[theme];
  return unsafeCSS(`
    --gg-background: ${c.background};
    --gg-text: ${c.text};
    --gg-edge: ${c.edge};
    --gg-edge-soft: ${c.edgeSoft};
    --gg-highlight: ${c.highlight};
    --gg-error: ${c.error};
    --gg-upstream: ${c.upstream};
    --gg-downstream: ${c.downstream};
    --gg-scale: ${c.scale};
    --gg-border: color-mix(in srgb, ${c.background} 70%, ${c.text});
  `);
};

/** A host in its theme: light by default, `theme="dark"` or `"projector"`, or dark as the system prefers. */
export const themedHost = css`
  :host {
    ${themeProperties('light')}
  }
  :host([theme='dark']) {
    ${themeProperties('dark')}
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme])) {
      ${themeProperties('dark')}
    }
  }
  :host([theme='projector']) {
    ${themeProperties('projector')}
  }
`;

/** Hidden on screen, still read by screen readers. */
export const visuallyHidden = css`
  position: absolute;
  width: 1px;
  height: 1px;
  overflow: hidden;
  clip-path: inset(50%);
  white-space: nowrap;
`;
