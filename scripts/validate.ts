/**
 * `npm run validate -- FILE...`: prints every problem of every graph file; exits 1 if any.
 */
import { readFileSync } from 'node:fs';
import { BUILTIN_MODELS } from '../src/model/builtin.js';
import { validateComparison } from '../src/model/comparison.js';
import { GraphError, parseGraph } from '../src/model/load.js';
import type { Graph, Problem } from '../src/model/types.js';

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: npm run validate -- graph-data/domestic.json my-model.json …');
  process.exit(2);
}

/** A comparison file (rows and counterparts) is checked against the built-in models and the graphs given. */
const isComparison = (text: string) => {
  try {
    const data = JSON.parse(text);
    return typeof data === 'object' && data !== null && 'rows' in data && 'counterparts' in data;
  } catch {
    return false;
  }
};

const printProblems = (file: string, problems: Problem[]) => {
  console.log(`${file}: ${problems.length} problem${problems.length === 1 ? '' : 's'}`);
  for (const problem of problems) console.log(`  ${problem.path}: ${problem.message}`);
};

const models: Record<string, Graph> = { ...BUILTIN_MODELS };
const comparisons: [string, string][] = [];
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
  if (isComparison(text)) {
    comparisons.push([file, text]);
    continue;
  }
  try {
    const graph = parseGraph(text, file);
    models[graph.id] = graph;
    console.log(`${file}: ok (${graph.nodes.length} actors, ${graph.edges.length} relations, ${graph.views?.length ?? 0} views)`);
  } catch (error) {
    failed++;
    if (!(error instanceof GraphError) || error.problems.length === 0 || error.message.includes('not valid JSON') || error.message.includes('is HTML')) {
      console.log(`${file}: ${(error as Error).message}`);
      continue;
    }
    printProblems(file, error.problems);
  }
}
for (const [file, text] of comparisons) {
  const problems = validateComparison(JSON.parse(text), models);
  if (problems.length === 0) console.log(`${file}: ok (comparison)`);
  else {
    failed++;
    printProblems(file, problems);
  }
}
process.exit(failed === 0 ? 0 : 1);
