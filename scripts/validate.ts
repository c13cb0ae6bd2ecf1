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
import type { Graph, Problem } from '../src/model/types.js';

const { values, positionals: files } = parseArgs({
  allowPositionals: true,
  options: { source: { type: 'string' }, lang: { type: 'string', default: 'en' } },
});
const lang = values.lang === 'zh' ? 'zh' : 'en';
if (files.length === 0) {
  console.error('usage: npm run validate -- graph-data/domestic.json my-model.json … [--source article.txt] [--lang zh|en]');
  process.exit(2);
}
let source: SourceText | undefined;
if (values.source) {
  try {
    source = prepareSource(readFileSync(values.source, 'utf8'));
  } catch (error) {
    console.log(`${values.source}: ${lang === 'zh' ? '无法读取' : 'cannot read'}: ${(error as Error).message}`);
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
  console.log(lang === 'zh' ? `${file}:${problems.length} 个问题` : `${file}: ${problems.length} problem${problems.length === 1 ? '' : 's'}`);
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
    const graph = parseGraph(text, file, lang);
    models[graph.id] = graph;
    const missing = source ? checkCitations(graph, source, lang) : [];
    if (missing.length > 0) {
      failed++;
      printProblems(file, missing);
      continue;
    }
    const cited = source ? (lang === 'zh' ? `,引文均在 ${values.source} 中` : `, every quote found in ${values.source}`) : '';
    console.log(`${file}: ok (${graph.nodes.length} actors, ${graph.edges.length} relations, ${graph.views?.length ?? 0} views${cited})`);
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
