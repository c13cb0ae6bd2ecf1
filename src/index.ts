/**
 * The embed bundle: importing it defines every element. Built into `dist/governance-graph.js`.
 */
export { GovernanceGraph } from './components/governance-graph.js';
export { GovernanceLegend } from './components/governance-legend.js';
export { GovernanceActorPanel } from './components/governance-actor-panel.js';
export type * from './components/events.js';
export type * from './model/types.js';
export { validateGraph } from './model/validate.js';
export { BUILTIN_MODELS } from './model/builtin.js';
export { GovernanceCompare } from './components/governance-compare.js';
