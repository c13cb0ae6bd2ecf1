import '../components/governance-graph.js';
import { applyEmbedQuery } from './embed-query.js';

// the iframe page: every attribute of <governance-graph> comes from the query string
applyEmbedQuery(document.querySelector('governance-graph')!, location.search);
// screen readers pronounce the page in the language it is shown in
if (new URLSearchParams(location.search).get('lang') === 'en') document.documentElement.lang = 'en';
