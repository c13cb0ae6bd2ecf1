/**
 * `npm run import -- ACTORS.csv RELATIONS.csv [VIEWS.csv] [STEPS.csv] [SECTORS.csv] [RELATION-KINDS.csv] [-o FILE] [--id ID] [--title-zh T] [--title-en T] [--lang zh|en]`:
 * turns the sheets, in any order (each told by its header), into a model JSON (to FILE, or
 * printed), or lists every problem by file, row and column and exits 1.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { SLIDE_ACTORS } from '../src/model/limits.js';
import { COMMANDS, crowdedMessage } from '../src/model/messages.js';
import { decodeSheet, importSheets, sortSheets, type SheetFile } from '../src/model/sheets.js';
import { crowdedViews } from '../src/model/slides.js';
import { SCHEMA_URL, type Problem } from '../src/model/types.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    out: { type: 'string', short: 'o' },
    id: { type: 'string' },
    'title-zh': { type: 'string' },
    'title-en': { type: 'string' },
    lang: { type: 'string', default: 'en' },
  },
});
const lang = values.lang === 'zh' ? 'zh' : 'en';
if (positionals.length < 2 || positionals.length > 6) {
  console.error(COMMANDS.importUsage()[lang]);
  process.exit(2);
}

/** Lists every problem and exits 1. */
function fail(problems: readonly Problem[]): never {
  console.log(COMMANDS.sheetProblems(problems.length)[lang]);
  for (const problem of problems) console.log(`  ${problem.path}: ${problem.message}`);
  process.exit(1);
}

const files: SheetFile[] = [];
for (const name of positionals) {
  try {
    files.push({ name, text: decodeSheet(readFileSync(name)) });
  } catch (error) {
    console.log(COMMANDS.cannotRead(name, (error as Error).message)[lang]);
    process.exit(1);
  }
}
const { sheets, problems: unsorted } = sortSheets(files, lang);
if (!sheets) fail(unsorted);
const id = values.id;
const title = values['title-zh'] || values['title-en'] ? { zh: values['title-zh'] || values['title-en']!, en: values['title-en'] || values['title-zh']! } : undefined;
const { graph, problems } = importSheets(sheets, { id, title, lang });
if (!graph) fail(problems);
const json = `${JSON.stringify({ $schema: SCHEMA_URL, ...graph }, null, 2)}\n`;
if (values.out) {
  try {
    writeFileSync(values.out, json);
  } catch (error) {
    console.log(COMMANDS.cannotWrite(values.out, (error as Error).message)[lang]);
    process.exit(1);
  }
  console.log(COMMANDS.written(values.out, graph.nodes.length, graph.edges.length, graph.views?.length ?? 0)[lang]);
} else process.stdout.write(json);
// the slide check, on stderr so that a printed model stays valid JSON
for (const { view, actors } of crowdedViews(graph)) console.error(COMMANDS.note(crowdedMessage(actors, SLIDE_ACTORS, view, lang))[lang]);
