import { css } from 'lit';
import { fontFamily, themedHost, visuallyHidden } from './theme.styles.js';

export const styles = [
  themedHost,
  css`
  :host {
    display: block;
    position: relative;
    height: 720px;
    min-height: 300px;
    overflow: hidden;
    font-family: ${fontFamily};
    background: var(--gg-background);
    color: var(--gg-text);
  }
  .frame {
    position: absolute;
    inset: 0;
    display: grid;
    /* the table takes at most 40 % of the height, and only what it needs when folded */
    grid-template-rows: auto minmax(0, 1fr) fit-content(40%);
    grid-template-columns: minmax(0, 1fr);
  }
  :host([theme='projector']) {
    font-size: 1.2em;
  }
  [part='headline'] {
    margin: 6px 8px 0;
    font-size: 1.15em;
    text-align: center;
  }
  .headline-side {
    white-space: nowrap;
  }
  .visually-hidden {
    ${visuallyHidden}
  }
  .graphs {
    display: grid;
    /* set to the shares of the actors shown (see paneShares) */
    grid-template-columns: 1fr 1fr;
    /* the sides, and under the one of fewer actors the shared legend */
    grid-template-rows: minmax(0, 1fr) auto;
    min-height: 0;
  }
  .side {
    display: grid;
    grid-template-rows: auto minmax(0, 1fr);
    grid-row: 1 / -1;
    min-width: 0;
    min-height: 0;
  }
  .graphs[data-legend='left'] .side:first-of-type,
  .graphs[data-legend='right'] .side:last-of-type {
    grid-row: 1;
  }
  [part='legend'] {
    grid-row: 2;
    grid-column: 1;
  }
  .side + .side,
  .graphs[data-legend='right'] [part='legend'] {
    grid-column: 2;
    border-left: 2px solid color-mix(in srgb, currentColor 25%, transparent);
  }
  h2 {
    margin: 4px 8px 0;
    font-size: 1.05em;
    text-align: center;
  }
  governance-graph {
    height: auto;
    min-height: 0;
  }
  governance-graph::part(legend) {
    display: none;
  }
  .below {
    min-height: 0;
    overflow: auto;
    border-top: 1px solid color-mix(in srgb, currentColor 25%, transparent);
    font-size: 0.9em;
  }
  [part='summary'] h2 {
    text-align: left;
  }
  .hint {
    margin: 0 8px;
    font-style: italic;
  }
  .summary-sides {
    display: grid;
    grid-template-columns: 1fr 1fr;
    gap: 0 16px;
    padding: 0 8px;
  }
  .summary-side h3 {
    margin: 4px 0 0;
    font-size: 1em;
  }
  .summary-side p {
    margin: 2px 0;
  }
  .chip {
    display: inline-block;
    margin: 1px 4px 1px 0;
    padding: 0 6px;
    border: 1px solid color-mix(in srgb, currentColor 35%, transparent);
    border-radius: 10px;
  }
  table {
    width: calc(100% - 16px);
    margin: 6px 8px 8px;
    border-collapse: collapse;
  }
  caption {
    font-weight: 600;
    text-align: left;
  }
  th,
  td {
    padding: 4px 6px;
    border: 1px solid color-mix(in srgb, currentColor 25%, transparent);
    text-align: left;
    vertical-align: top;
  }
  thead th,
  tr.group th {
    background: color-mix(in srgb, currentColor 8%, transparent);
  }
  td.not-stated {
    opacity: 0.85;
  }
  blockquote {
    margin: 4px 0;
    padding: 2px 8px;
    border-left: 3px solid #cc6677;
  }
  summary {
    cursor: pointer;
    font-size: 0.92em;
  }
  .below > summary {
    position: sticky;
    top: 0;
    padding: 2px 8px;
    background: var(--gg-background, #fff);
    font-weight: 600;
  }
`,
];
