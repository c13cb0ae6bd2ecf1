/**
 * `npm run import -- ACTORS.csv RELATIONS.csv [VIEWS.csv] [STEPS.csv] [SECTORS.csv] [RELATION-KINDS.csv] [-o FILE] [--id ID] [--title-zh T] [--title-en T] [--lang zh|en]`:
 * turns the sheets into a model JSON (to FILE, or printed), or lists every problem by file, row
 * and column and exits 1. Sheets after the first two are told apart by their headers.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { SLIDE_ACTORS } from '../src/model/limits.js';
import { crowdedMessage, sheetMessage } from '../src/model/messages.js';
import { decodeSheet, importSheets, placeName, sheetKind, type SheetFile, type Sheets } from '../src/model/sheets.js';
import { crowdedViews } from '../src/model/slides.js';
import { SCHEMA_URL } from '../src/model/types.js';

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
  console.error(
    lang === 'zh'
      ? '用法:npm run import -- actors.csv relations.csv [views.csv] [steps.csv] [sectors.csv] [relation-kinds.csv] [-o model.json] [--id ID] [--title-zh 标题] [--title-en Title] [--lang zh|en]'
      : 'usage: npm run import -- actors.csv relations.csv [views.csv] [steps.csv] [sectors.csv] [relation-kinds.csv] [-o model.json] [--id ID] [--title-zh 标题] [--title-en Title] [--lang zh|en]',
  );
  process.exit(2);
}

const files: SheetFile[] = [];
for (const name of positionals) {
  try {
    files.push({ name, text: decodeSheet(readFileSync(name)) });
  } catch (error) {
    console.log(`${name}: ${lang === 'zh' ? '无法读取' : 'cannot read'}: ${(error as Error).message}`);
    process.exit(1);
  }
}
const [actors, relations, ...others] = files;
const sheets: Sheets = { actors, relations };
for (const file of others) {
  const kind = sheetKind(file.text);
  if (!kind || kind === 'actors' || kind === 'relations' || sheets[kind]) {
    console.log(`${placeName({ file: file.name }, lang)}: ${sheetMessage(kind ? { key: 'twoSheets', value: `${sheets[kind]!.name}, ${file.name}` } : { key: 'unknownSheet' }, lang)}`);
    process.exit(1);
  }
  sheets[kind] = file;
}
const id = values.id;
const title = values['title-zh'] || values['title-en'] ? { zh: values['title-zh'] || values['title-en']!, en: values['title-en'] || values['title-zh']! } : undefined;
const { graph, problems } = importSheets(sheets, { id, title, lang });
if (!graph) {
  console.log(lang === 'zh' ? `${problems.length} 个问题:` : `${problems.length} problem${problems.length === 1 ? '' : 's'}:`);
  for (const problem of problems) console.log(`  ${problem.path}: ${problem.message}`);
  process.exit(1);
}
const json = `${JSON.stringify({ $schema: SCHEMA_URL, ...graph }, null, 2)}\n`;
if (values.out) {
  writeFileSync(values.out, json);
  const counts = `${graph.nodes.length} actors, ${graph.edges.length} relations, ${graph.views?.length ?? 0} views`;
  console.log(lang === 'zh' ? `${values.out}:已写入(${graph.nodes.length} 个主体、${graph.edges.length} 条关系、${graph.views?.length ?? 0} 个视图)` : `${values.out}: written (${counts})`);
} else process.stdout.write(json);
// the slide check, on stderr so that a printed model stays valid JSON
for (const { view, actors } of crowdedViews(graph)) console.error(`${lang === 'zh' ? '提示' : 'note'}: ${crowdedMessage(actors, SLIDE_ACTORS, view, lang)}`);
