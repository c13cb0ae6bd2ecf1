/**
 * `npm run validate -- FILE...`: prints every problem of every graph file; exits 1 if any.
 */
import { readFileSync } from 'node:fs';
import { GraphError, parseGraph } from '../src/model/load.js';

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: npm run validate -- graph-data/domestic.json my-model.json …');
  process.exit(2);
}

let failed = 0;
for (const file of files) {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    console.log(`${file}: cannot read: ${(error as Error).message}`);
    failed++;
    continue;
  }
  try {
    const graph = parseGraph(text, file);
    console.log(`${file}: ok (${graph.nodes.length} actors, ${graph.edges.length} relations, ${graph.views?.length ?? 0} views)`);
  } catch (error) {
    failed++;
    if (!(error instanceof GraphError) || error.problems.length === 0 || error.message.includes('not valid JSON') || error.message.includes('is HTML')) {
      console.log(`${file}: ${(error as Error).message}`);
      continue;
    }
    console.log(`${file}: ${error.problems.length} problem${error.problems.length === 1 ? '' : 's'}`);
    for (const problem of error.problems) console.log(`  ${problem.path}: ${problem.message}`);
  }
}
process.exit(failed === 0 ? 0 : 1);
