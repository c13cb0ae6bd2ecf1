/**
 * `npm run validate -- FILE... [--source TEXT] [--lang zh|en]`: prints every problem of every graph
 * file (with `--source`, every quote not found in the text); exits 1 if any.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { checkCitations, prepareSource, type SourceText } from '../src/model/citations.js';
import { BUILTIN_MODELS } from '../src/model/builtin.js';
import { validateComparison } from '../src/model/comparison.js';
import { GraphError, parseGraph } from '../src/model/load.js';
import { COMMANDS } from '../src/model/messages.js';
import type { Graph, Problem } from '../src/model/types.js';

const { values, positionals: files } = parseArgs({
  allowPositionals: true,
  options: { source: { type: 'string' }, lang: { type: 'string', default: 'en' } },
});
const lang = values.lang === 'zh' ? 'zh' : 'en';
if (files.length === 0) {
  console.error(COMMANDS.validateUsage()[lang]);
  process.exit(2);
}
let source: SourceText | undefined;
if (values.source) {
  try {
    source = prepareSource(readFileSync(values.source, 'utf8'));
  } catch (error) {
    console.log(COMMANDS.cannotRead(values.source, (error as Error).message)[lang]);
    process.exit(1);
  }
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
  console.log(COMMANDS.problems(file, problems.length)[lang]);
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
    console.log(COMMANDS.cannotRead(file, (error as Error).message)[lang]);
    failed++;
    continue;
  }
  if (isComparison(text)) {
    comparisons.push([file, text]);
    continue;
  }
  try {
    const graph = parseGraph(text, file, lang);
    models[graph.id] = graph;
    const missing = source ? checkCitations(graph, source, lang) : [];
    if (missing.length > 0) {
      failed++;
      printProblems(file, missing);
      continue;
    }
    console.log(COMMANDS.valid(file, graph.nodes.length, graph.edges.length, graph.views?.length ?? 0, source && values.source)[lang]);
  } catch (error) {
    failed++;
    // a file that is no graph at all (not JSON, HTML, too large) is said in one line with its place and hint
    if (!(error instanceof GraphError) || error.kind !== 'invalidGraph') {
      console.log(`${file}: ${(error as Error).message}`);
      continue;
    }
    printProblems(file, error.problems);
  }
}
for (const [file, text] of comparisons) {
  const problems = validateComparison(JSON.parse(text), models, { lang });
  if (problems.length === 0) console.log(COMMANDS.validComparison(file)[lang]);
  else {
    failed++;
    printProblems(file, problems);
  }
}
process.exit(failed === 0 ? 0 : 1);
