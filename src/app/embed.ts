import '../components/governance-graph.js';
import { inLang, msg } from '../model/messages.js';
import type { DisplayLang } from '../model/types.js';
import { applyEmbedQuery } from './embed-query.js';

const LANGS: readonly DisplayLang[] = ['zh', 'en', 'both'];

const graph = document.querySelector('governance-graph')!;
const heading = document.querySelector('h1')!;
// the iframe page: every attribute of <governance-graph> comes from the query string
applyEmbedQuery(graph, location.search);
// screen readers pronounce the page in the language it is shown in
if (new URLSearchParams(location.search).get('lang') === 'en') document.documentElement.lang = 'en';
// the page's heading names the graph once it is known, in the graph's language
const lang = LANGS.find((known) => known === graph.lang) ?? 'zh';
heading.textContent = msg('graphLabel', lang);
graph.addEventListener('graph-ready', () => {
  if (graph.graph) heading.textContent = inLang(graph.graph.title, lang);
});
