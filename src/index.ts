/**
 * The embed bundle: importing it defines every element. Built into `dist/governance-graph.js`.
 */
export { GovernanceGraph, type ExportOptions } from './components/governance-graph.js';
export { GovernanceCompare } from './components/governance-compare.js';
export { GovernanceLegend } from './components/governance-legend.js';
export { GovernanceActorPanel } from './components/governance-actor-panel.js';
export { GovernanceSearch } from './components/governance-search.js';
export type * from './components/events.js';
export type * from './model/types.js';
export type { Comparison, ComparisonRow, Counterparts } from './model/comparison.js';
export type { Chain, Trace } from './model/trace.js';
export { validateGraph } from './model/validate.js';
export { traceActor, traceUpstream, traceDownstream, connectingChains, chainSentence, linkSentences } from './model/trace.js';
export { BUILTIN_MODELS, BUILTIN_COMPARISON } from './model/builtin.js';
