import '../components/governance-graph.js';
import { applyEmbedQuery } from './embed-query.js';

// the iframe page: every attribute of <governance-graph> comes from the query string
applyEmbedQuery(document.querySelector('governance-graph')!, location.search);
