/**
 * What a user opened (picked or dropped files): one model, as a JSON file or as sheets, and/or a
 * source text to check its quotes against. Pure: the app reads the files, this decides what they are.
 */
import { GraphError, parseGraph } from './load.js';
import { sheetMessage } from './messages.js';
import { importSheets, isWorkbook, placeName, sortSheets, type SheetFile } from './sheets.js';
import type { Graph, Lang, Problem } from './types.js';

/** A source text attached to a model: it stays on the reader's machine. */
export interface SourceFile {
  name: string;
  text: string;
}

/** What the files amount to: a model, a source text, or both; or every problem, and nothing to apply. */
export interface Opened {
  graph?: Graph;
  source?: SourceFile;
  problems: Problem[];
}

const extension = (name: string) => /\.([^.]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';

/**
 * Reads opened files: `.json` a model, `.csv`/`.tsv` sheets (which one, from the header: see `sortSheets`), `.txt`/`.md`
 * a source text. Nothing is taken unless everything can be: with any problem, `graph` and `source`
 * are absent, so the model on screen stays.
 */
export function openFiles(files: readonly SheetFile[], lang: Lang): Opened {
  const problems: Problem[] = [];
  const report = (file: string, problem: Parameters<typeof sheetMessage>[0]) => problems.push({ path: placeName({ file }, lang), message: sheetMessage(problem, lang) });
  const models: SheetFile[] = [];
  const sheets: SheetFile[] = [];
  let source: SourceFile | undefined;
  for (const file of files) {
    const type = extension(file.name);
    if (isWorkbook(file.text)) report(file.name, { key: 'workbook' });
    else if (type === 'json') models.push(file);
    else if (type === 'txt' || type === 'md') source = { name: file.name, text: file.text.replace(/^\uFEFF/, '') };
    else if (type === 'csv' || type === 'tsv') sheets.push(file);
    else report(file.name, { key: 'unknownFile' });
  }
  const sheetNames = sheets.map((sheet) => sheet.name);
  if (models.length > 1 || (models.length === 1 && sheetNames.length > 0)) report([...models.map((m) => m.name), ...sheetNames].join(', '), { key: 'oneModel' });
  let graph: Graph | undefined;
  if (problems.length === 0 && models.length === 1) {
    try {
      graph = parseGraph(models[0].text.replace(/^\uFEFF/, ''), models[0].name, lang);
    } catch (error) {
      const { message, problems: found = [] } = error as GraphError;
      if (found.length > 1 || (found.length === 1 && found[0].path !== '$')) problems.push(...found.map((p) => ({ path: `${models[0].name} ${p.path}`, message: p.message })));
      else problems.push({ path: models[0].name, message });
    }
  } else if (problems.length === 0 && sheets.length > 0) {
    const sorted = sortSheets(sheets, lang);
    problems.push(...sorted.problems);
    if (sorted.sheets) {
      const imported = importSheets(sorted.sheets, { lang });
      graph = imported.graph;
      problems.push(...imported.problems);
    }
  }
  return problems.length > 0 ? { problems } : { graph, source, problems };
}
