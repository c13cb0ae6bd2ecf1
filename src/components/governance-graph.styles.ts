import { css } from 'lit';
import { fontFamily, themedHost, visuallyHidden } from './theme.styles.js';

export const styles = [
  themedHost,
  css`
  :host {
    display: block;
    position: relative;
    height: 480px;
    min-height: 200px;
    overflow: hidden;
    background: var(--gg-background);
    color: var(--gg-text);
    font-family: ${fontFamily};
    font-size: calc(14px * var(--gg-scale));
    contain: layout paint;
  }
  /* the layout lives inside, so a page that sets the host's display cannot break it */
  .frame {
    position: absolute;
    inset: 0;
    display: grid;
    grid-template-rows: minmax(0, 1fr) auto auto;
    grid-template-columns: minmax(0, 1fr);
  }
  [part='canvas'] {
    grid-row: 1;
    grid-column: 1;
    position: relative;
    min-height: 0;
  }
  [part='canvas']:focus-visible {
    outline: 3px solid var(--gg-highlight);
    outline-offset: -3px;
  }
  /* a trace on a slide: under the graph, never over it */
  [part='chains'] {
    grid-row: 2;
    padding: 4px 12px;
    border-top: 1px solid var(--gg-border);
    font-size: 1.1em;
  }
  [part='chains'] p {
    margin: 2px 0;
  }
  [part='chains'] strong {
    margin-right: 0.5em;
  }
  /* the direction's colour as on the graph, under its name: coloured text would not keep its contrast */
  [part='chains'] .upstream strong {
    border-bottom: 3px solid var(--gg-upstream);
  }
  [part='chains'] .downstream strong {
    border-bottom: 3px solid var(--gg-downstream);
  }
  [part='chains'] .separator,
  [part='chains'] .more {
    margin: 0 0.6em;
    opacity: 0.75;
    white-space: nowrap;
  }
  governance-legend {
    grid-row: 3;
    max-height: 40vh;
  }
  /* on a slide of a whole view the legend stands over the canvas: along its bottom, or in a corner the graph leaves empty (see FloatingLegend) */
  .floating governance-legend {
    /* the whole frame, not the legend's row, is where it is placed */
    grid-row: 1 / -1;
    position: absolute;
    left: 0;
    right: 0;
    bottom: 0;
    z-index: 1;
    box-sizing: border-box;
    background: var(--gg-background);
  }
  .floating governance-legend[data-corner] {
    border: 1px solid var(--gg-border);
    border-radius: 4px;
  }
  .floating governance-legend[data-corner^='top'] {
    top: 0;
    bottom: auto;
  }
  .floating governance-legend[data-corner$='left'] {
    right: auto;
  }
  .floating governance-legend[data-corner$='right'] {
    left: auto;
  }
  governance-search {
    position: absolute;
    top: 8px;
    left: 8px;
    width: min(260px, 40%);
  }
  [part='notice'] {
    position: absolute;
    top: 44px;
    left: 8px;
    max-width: 50%;
    margin: 0;
    padding: 6px 10px;
    border: 2px solid var(--gg-error);
    border-radius: 4px;
    background: var(--gg-background);
  }
  [part='origin'] {
    position: absolute;
    top: 8px;
    right: 8px;
    max-width: 40%;
    margin: 0;
    padding: 2px 8px;
    overflow: hidden;
    border: 1px solid var(--gg-border);
    border-radius: 4px;
    background: var(--gg-background);
    font-size: 0.85em;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  [part='caption'] {
    grid-row: 1;
    grid-column: 1;
    align-self: end;
    justify-self: center;
    z-index: 1;
    max-width: 80%;
    margin: 0 0 8px;
    padding: 6px 14px;
    border-radius: 6px;
    background: color-mix(in srgb, var(--gg-background) 88%, transparent);
    border: 1px solid var(--gg-border);
    font-size: 1.15em;
    text-align: center;
  }
  .step-number {
    font-weight: 600;
    margin-right: 6px;
  }
  governance-actor-panel {
    position: absolute;
    top: 8px;
    right: 8px;
    bottom: 8px;
    width: min(340px, 40%);
  }
  .print {
    display: none;
  }
  .visually-hidden {
    ${visuallyHidden}
  }
  @media print {
    [part='canvas'] {
      visibility: hidden;
    }
    .print {
      display: block;
      grid-row: 1;
      grid-column: 1;
      width: 100%;
      height: 100%;
      object-fit: contain;
    }
    governance-search,
    governance-actor-panel {
      display: none;
    }
  }
  .message {
    position: absolute;
    inset: 0;
    display: grid;
    place-content: center;
    padding: 24px;
    text-align: center;
  }
  [part='error'] {
    position: absolute;
    inset: 16px;
    overflow: auto;
    padding: 16px 20px;
    border: 2px solid var(--gg-error);
    border-radius: 6px;
    background: var(--gg-background);
  }
  [part='error'] h2 {
    margin: 0 0 8px;
    font-size: 1.15em;
    color: var(--gg-error);
  }
  [part='error'] p {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  [part='error'] code {
    font-family: ui-monospace, monospace;
  }
`,
];
