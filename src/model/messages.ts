import { quoted, type CharacterProblem } from './text.js';
import type { Bilingual, DisplayLang, Lang, Note } from './types.js';

/** Every string of the user interface, in both languages. Data labels live in the graph files. */
export const MESSAGES = {
  appTitle: { zh: '韧性城市治理网络', en: 'Resilient-city governance network' },
  model: { zh: '模型', en: 'Model' },
  view: { zh: '视图', en: 'View' },
  wholeModel: { zh: '全部', en: 'Whole model' },
  language: { zh: '语言', en: 'Language' },
  theme: { zh: '主题', en: 'Theme' },
  themeAuto: { zh: '跟随系统', en: 'As the system' },
  themeLight: { zh: '浅色', en: 'Light' },
  themeDark: { zh: '深色', en: 'Dark' },
  themeProjector: { zh: '投影', en: 'Projector' },
  fit: { zh: '适应窗口', en: 'Fit to window' },
  exportSvg: { zh: '导出 SVG', en: 'Export SVG' },
  exportPng: { zh: '导出 PNG', en: 'Export PNG' },
  exportPptx: { zh: '导出 PowerPoint', en: 'Export PowerPoint' },
  notesShown: { zh: '图中的关系', en: 'Relations shown' },
  notesActors: { zh: '本步加入的主体', en: 'Actors this step brings in' },
  notesAdded: { zh: '本步加入的关系', en: 'Relations this step adds' },
  exportFailed: { zh: '无法导出:图尚未绘制,或无法绘制。', en: 'Nothing to export: the graph is not drawn yet, or could not be drawn.' },
  graphLabel: { zh: '治理关系图', en: 'Governance graph' },
  legend: { zh: '图例', en: 'Legend' },
  legendHint: { zh: '点击可隐藏或显示', en: 'Click to hide or show' },
  sectors: { zh: '主体类型', en: 'Sectors' },
  relations: { zh: '关系', en: 'Relations' },
  close: { zh: '关闭', en: 'Close' },
  sector: { zh: '类型', en: 'Sector' },
  level: { zh: '层级', en: 'Level' },
  year: { zh: '年份', en: 'Year' },
  relationsOut: { zh: '指向他方的关系', en: 'Relations out' },
  relationsIn: { zh: '来自他方的关系', en: 'Relations in' },
  none: { zh: '无', en: 'None' },
  evidence: { zh: '原文依据', en: 'Evidence from the source' },
  sourceRef: { zh: '出处', en: 'Source' },
  loading: { zh: '正在加载…', en: 'Loading…' },
  dataFrom: { zh: '数据来自', en: 'Data from' },
  errorTitle: { zh: '无法绘制此图', en: 'This graph could not be drawn' },
  errorMore: { zh: '其他问题', en: 'More problems' },
  noModel: { zh: '请设置 model 或 src 属性', en: 'Set the model or src attribute' },
  search: { zh: '查找主体…', en: 'Find an actor…' },
  textAlternative: { zh: '图的文字说明', en: 'The graph as text' },
  counts: { zh: '个主体、条关系', en: 'actors and relations' },
  traced: { zh: '已追溯', en: 'Traced' },
  chains: { zh: '条责任链', en: 'chains' },
  graphKeys: {
    zh: 'Tab 进入图;方向键在主体间移动;Enter 追溯;Esc 清除',
    en: 'Tab into the graph; arrow keys move between actors; Enter traces; Escape clears',
  },
  traceTitle: { zh: '责任链', en: 'Chains of responsibility' },
  moreChains: { zh: '条未列出', en: 'more not listed' },
  upstream: { zh: '向上:对谁负责', en: 'Upstream: answers to' },
  downstream: { zh: '向下:领导、协调谁', en: 'Downstream: steers' },
  noUpstream: { zh: '本模型中不对其他主体负责', en: 'Answers to no one in this model' },
  noDownstream: { zh: '本模型中不领导或协调其他主体', en: 'Steers no one in this model' },
  noUpstreamInView: { zh: '本视图中不对其他主体负责', en: 'Answers to no one in this view' },
  noDownstreamInView: { zh: '本视图中不领导或协调其他主体', en: 'Steers no one in this view' },
  includeInfluence: { zh: '包括影响关系(引导、资金、购买服务、合作、参与、推动)', en: 'Include influence (guides, funds, buys services, partners, participates, promotes)' },
  chainTo: { zh: '追溯到另一主体…', en: 'Chain to another actor…' },
  chainBetween: { zh: '之间的责任链', en: 'chains of responsibility between' },
  and: { zh: '与', en: 'and' },
  noChain: { zh: '没有责任链连接', en: 'No chain of responsibility connects' },
  noChainInView: { zh: '本视图中没有责任链连接', en: 'In this view, no chain of responsibility connects' },
  clearChainTo: { zh: '返回完整追溯', en: 'Back to the full trace' },
  compare: { zh: '对比:我国与国外', en: 'Compare: China and abroad' },
  dimension: { zh: '维度', en: 'Dimension' },
  dimensions: { zh: '原文比较表的维度', en: "Dimensions of the source's table" },
  contrasts: { zh: '原文中的对比', en: 'Contrasts drawn in the text' },
  notStated: { zh: '原文未说明', en: 'Not stated in the source' },
  noComparison: { zh: '这两个模型没有比较表', en: 'There is no comparison table for these two models' },
  differences: { zh: '差异概览', en: 'Differences at a glance' },
  wholeModels: { zh: '按完整模型统计', en: 'counted over the whole models' },
  countsBySector: { zh: '按类型与关系统计', en: 'Counts by sector and relation' },
  differencesAndTable: { zh: '差异概览与比较表', en: 'Differences and comparison table' },
  actors: { zh: '主体', en: 'actors' },
  relationCount: { zh: '关系', en: 'relations' },
  longestChain: { zh: '最长责任链', en: 'longest chain of accountability' },
  links: { zh: '环', en: 'links' },
  link: { zh: '环', en: 'link' },
  chainHeadline: { zh: '最长责任链：{left} 对 {right}', en: 'Longest chain of accountability: {left} against {right}' },
  onlyHere: { zh: '仅此一方有', en: 'only on this side' },
  inferred: { zh: '作者的解读', en: "the author's reading" },
  readingPrefix: { zh: '作者的解读', en: "The author's reading" },
  inferredLegend: { zh: '作者的解读(原文未直接陈述)', en: "The author's reading (not stated in the text)" },
  file: { zh: '文件', en: 'File' },
  left: { zh: '左侧', en: 'Left' },
  right: { zh: '右侧', en: 'Right' },
  open: { zh: '打开…', en: 'Open…' },
  openTitle: { zh: '打开模型 JSON、主体表和关系表(CSV),或原文(.txt、.md)', en: 'Open a model JSON, the actors and relations sheets (CSV), or a source text (.txt, .md)' },
  dropHere: { zh: '松开即可打开:模型 JSON、主体表和关系表(CSV),或原文', en: 'Drop to open: a model JSON, the actors and relations sheets (CSV), or a source text' },
  template: { zh: '模板', en: 'Template' },
  myModels: { zh: '我的模型', en: 'My models' },
  fromLink: { zh: '链接中的模型文件', en: 'Model file from the link' },
  removeModel: { zh: '移除此模型', en: 'Remove this model' },
  exportModel: { zh: '导出模型 JSON', en: 'Export model JSON' },
  renameModel: { zh: '重命名此模型…', en: 'Rename this model…' },
  renameTitle: { zh: '模型的标题', en: "The model's title" },
  titleZh: { zh: '中文标题', en: 'Chinese title' },
  titleEn: { zh: '英文标题', en: 'English title' },
  titleHint: { zh: '只填一种语言时,另一种语言用同一标题。', en: 'Fill in one language and the other takes the same title.' },
  save: { zh: '保存', en: 'Save' },
  cancel: { zh: '取消', en: 'Cancel' },
  openFailed: { zh: '无法打开这些文件,当前的图保持不变。', en: 'These files could not be opened; the graph shown is unchanged.' },
  moreProblems: { zh: '另有问题', en: 'more problems' },
  notMine: { zh: '此浏览器的“我的模型”中没有这个模型,已改为显示内置模型。', en: 'This model is not among My models in this browser; a built-in model is shown instead.' },
  sourceText: { zh: '原文', en: 'Source text' },
  sourceKept: { zh: '原文只保存在本机浏览器中,不会上传。', en: 'The text stays in this browser; it is never uploaded.' },
  quoteFound: { zh: '原文中找到', en: 'found in the text' },
  quoteNotFound: { zh: '原文中未找到', en: 'not found in the text' },
  noQuote: { zh: '没有引文', en: 'no quote' },
  actorQuotes: { zh: '主体的引文', en: "Actors' quotes" },
  detachSource: { zh: '移除原文', en: 'Remove the text' },
  counterpartHint: { zh: '悬停或点击主体,可在另一侧看到其对应主体', en: 'Hover or click an actor to see its counterpart on the other side' },
} as const satisfies Record<string, Bilingual>;

/** A key of the message table. */
export type MessageKey = keyof typeof MESSAGES;

/** A bilingual text in the display language; `both` gives "中文 · English". A plain text is the same in every language. */
export function inLang(text: Bilingual | Note, lang: DisplayLang): string {
  if (typeof text === 'string') return text;
  if (lang === 'both') return text.zh === text.en ? text.zh : `${text.zh} · ${text.en}`;
  // any other lang attribute (`lang="constructor"`) is the default, Chinese
  return lang === 'en' ? text.en : text.zh;
}

/** The one language of a text that cannot show both (a name in a sentence): Chinese when both are shown. */
export function oneLang(lang: DisplayLang): Lang {
  // any other lang attribute is the default too (see `inLang`)
  return lang === 'en' ? 'en' : 'zh';
}

/** The compare view's headline in parts, round each side's count so that a count can stand out: `{ before, left: [4, ' links'], between, right: [1, ' link'] }`. */
export function chainHeadline(lang: Lang, left: number, right: number) {
  const [before, rest] = inLang(MESSAGES.chainHeadline, lang).split('{left}');
  const [between, after] = rest.split('{right}');
  const side = (count: number, tail = '') => [count, ` ${msg(count === 1 ? 'link' : 'links', lang)}${tail}`] as const;
  return { before, left: side(left), between, right: side(right, after) };
}

/** A message of the UI table in the display language. */
export function msg(key: MessageKey, lang: DisplayLang): string {
  return inLang(MESSAGES[key], lang);
}

/**
 * " Did you mean "dept"?" in the reader's language, or nothing without a likely match: the one
 * way every message of the project suggests what was probably meant.
 */
export function didYouMean(match: string | undefined, lang: DisplayLang = 'en'): string {
  if (match === undefined) return '';
  return oneLang(lang) === 'zh' ? `是否想写 ${quoted(match)}?` : ` Did you mean ${quoted(match)}?`;
}

/** A problem of a spreadsheet import, before it is put in words (see `sheetMessage`). */
export type SheetMessage =
  | { key: 'tooLarge'; value: string }
  | { key: 'empty' }
  | { key: 'noRows' }
  | { key: 'csv'; code: string; value: string }
  | { key: 'missingColumn'; value: string; aliases: readonly string[]; match?: string }
  | { key: 'year'; value: string }
  | { key: 'noView'; value: string; match?: string }
  | { key: 'stepsWithoutViews' }
  | { key: 'unknownFile' }
  | { key: 'unknownSheet' }
  | { key: 'workbook' }
  | { key: 'missingSheet'; value: 'actors' | 'relations' }
  | { key: 'twoSheets'; value: string }
  | { key: 'oneModel' };

/** A problem of a spreadsheet import in the reader's language: what is wrong and how to fix it. */
export function sheetMessage(problem: SheetMessage, lang: Lang): string {
  const zh = lang === 'zh';
  switch (problem.key) {
    case 'tooLarge':
      return zh ? `文件超过 ${problem.value},不能导入:请拆分为多个模型。` : `The file is over ${problem.value}, more than a sheet may have: split the model into several.`;
    case 'empty':
      return zh ? '文件是空的:请在电子表格中另存为 CSV(UTF-8)。' : 'The file is empty: save the sheet again as CSV (UTF-8) from the spreadsheet program.';
    case 'noRows':
      return zh ? '表中只有标题行:请在第 2 行起每行填写一项。' : 'The sheet has a header row and nothing else: add one row per item from row 2.';
    case 'csv':
      if (problem.code === 'MissingQuotes' || problem.code === 'InvalidQuotes') {
        return zh
          ? '引号未正确闭合:单元格中的英文双引号 " 要写两次 (""),或在电子表格中重新另存为 CSV。'
          : `A quoted cell is not closed (${quoted(problem.value)}): write a double quote inside a cell as "", or save the sheet again as CSV from the spreadsheet program.`;
      }
      return zh ? `无法读取此行:${quoted(problem.value)}。` : `This row cannot be read: ${quoted(problem.value)}.`;
    case 'missingColumn': {
      const names = [problem.value, ...problem.aliases].map((name) => quoted(name)).join(zh ? '、' : ', ');
      const hint = didYouMean(problem.match, lang);
      return zh ? `缺少“${problem.value}”列。${hint}标题行(第 1 行)需要一列名为 ${names} 之一。` : `There is no column "${problem.value}".${hint} The header (row 1) needs a column named one of ${names}.`;
    }
    case 'year':
      return zh ? `年份 ${quoted(problem.value)} 不是整数:请写如 2021。` : `The year ${quoted(problem.value)} is not a whole number: write one such as 2021.`;
    case 'noView': {
      const hint = didYouMean(problem.match, lang);
      return zh ? `视图表中没有 id 为 ${quoted(problem.value)} 的视图。${hint}` : `The views sheet has no view ${quoted(problem.value)}.${hint}`;
    }
    case 'stepsWithoutViews':
      return zh ? '步骤属于视图:请同时打开视图表(views.csv)。' : 'Steps belong to views: open the views sheet (views.csv) with it.';
    case 'unknownFile':
      return zh
        ? '不是模型文件:请打开模型 JSON、主体表和关系表(.csv),或原文(.txt、.md)。'
        : 'This is not a model file: open a model JSON, the actors and relations sheets (.csv), or a source text (.txt, .md).';
    case 'workbook':
      return zh
        ? '这是 Excel 工作簿,不是 CSV:请把每张工作表分别另存为 CSV(文件 → 另存为 → CSV UTF-8)。'
        : 'This is an Excel workbook, not a CSV sheet: save each sheet as CSV (File → Save as → CSV UTF-8).'
    case 'unknownSheet':
      return zh
        ? '标题行(第 1 行)不是任何一种表的:主体表需要 id、zh、en、sector 列,关系表需要 source、target、relation 列。'
        : 'The header (row 1) is not that of any sheet: an actors sheet has the columns id, zh, en, sector; a relations sheet source, target, relation.';
    case 'missingSheet':
      return problem.value === 'actors'
        ? zh
          ? '还缺主体表:请同时选中主体表和关系表两个文件再打开。'
          : 'The actors sheet is missing: select both the actors and the relations sheet, and open them together.'
        : zh
          ? '还缺关系表:请同时选中主体表和关系表两个文件再打开。'
          : 'The relations sheet is missing: select both the actors and the relations sheet, and open them together.';
    case 'twoSheets':
      return zh ? `同一种表打开了两个:${problem.value}。请只选其中一个。` : `Two sheets of the same kind were opened: ${problem.value}. Select only one of them.`;
    case 'oneModel':
      return zh ? '一次只能打开一个模型:一个 JSON 文件,或一组表格。' : 'Open one model at a time: one JSON file, or one set of sheets.';
  }
}

/** The command lines' own lines (`npm run validate`, `npm run import`), in the reader's language. */
export const COMMANDS = {
  validateUsage: (): Bilingual => ({
    zh: '用法:npm run validate -- graph-data/domestic.json my-model.json … [--source 原文.txt] [--lang zh|en]',
    en: 'usage: npm run validate -- graph-data/domestic.json my-model.json … [--source article.txt] [--lang zh|en]',
  }),
  cannotRead: (file: string, detail: string): Bilingual => ({ zh: `${file}:无法读取:${detail}`, en: `${file}: cannot read: ${detail}` }),
  problems: (file: string, count: number): Bilingual => ({ zh: `${file}:${count} 个问题`, en: `${file}: ${count} problem${count === 1 ? '' : 's'}` }),
  valid: (file: string, actors: number, relations: number, views: number, source: string | undefined): Bilingual => ({
    zh: `${file}:有效(${actors} 个主体、${relations} 条关系、${views} 个视图${source ? `,引文均在 ${source} 中` : ''})`,
    en: `${file}: ok (${actors} actors, ${relations} relations, ${views} views${source ? `, every quote found in ${source}` : ''})`,
  }),
  validComparison: (file: string): Bilingual => ({ zh: `${file}:有效(比较表)`, en: `${file}: ok (comparison)` }),
  importUsage: (): Bilingual => ({
    zh: '用法:npm run import -- actors.csv relations.csv [views.csv] [steps.csv] [sectors.csv] [relation-kinds.csv](顺序不限,按标题行识别)[-o model.json] [--id ID] [--title-zh 标题] [--title-en Title] [--lang zh|en]',
    en: 'usage: npm run import -- actors.csv relations.csv [views.csv] [steps.csv] [sectors.csv] [relation-kinds.csv] (in any order, told by their headers) [-o model.json] [--id ID] [--title-zh 标题] [--title-en Title] [--lang zh|en]',
  }),
  cannotWrite: (file: string, detail: string): Bilingual => ({
    zh: `${file}:无法写入(${detail}):请确认文件夹存在且可写,或用 -o 另选路径。`,
    en: `${file}: cannot write (${detail}): check that its folder exists and may be written to, or give another path with -o.`,
  }),
  sheetProblems: (count: number): Bilingual => ({ zh: `${count} 个问题:`, en: `${count} problem${count === 1 ? '' : 's'}:` }),
  written: (file: string, actors: number, relations: number, views: number): Bilingual => ({
    zh: `${file}:已写入(${actors} 个主体、${relations} 条关系、${views} 个视图)`,
    en: `${file}: written (${actors} actors, ${relations} relations, ${views} views)`,
  }),
  note: (text: string): Bilingual => ({ zh: `提示:${text}`, en: `note: ${text}` }),
} satisfies Record<string, (...args: never[]) => Bilingual>;

/** What the app says about a model it opened, in the reader's language. */
export const OPENED = {
  quotesFound: (relations: readonly [number, number], actors: readonly [number, number] | undefined): Bilingual => ({
    zh: `${relations[0]} / ${relations[1]} 条关系${actors ? `、${actors[0]} / ${actors[1]} 个主体` : ''}的引文在原文中找到`,
    en: `${relations[0]} / ${relations[1]} relations${actors ? ` and ${actors[0]} / ${actors[1]} actors` : ''} with every quote found in the text`,
  }),
  keptBoth: (taken: string, title: string, fresh: string): Bilingual => ({
    zh: `“我的模型”中已有另一个编号为 ${quoted(taken)} 的模型(${quoted(title)}):新打开的模型另存为 ${quoted(fresh)},两者都保留。`,
    en: `My models already has a different model ${quoted(taken)} (${quoted(title)}): the one opened is kept beside it as ${quoted(fresh)}.`,
  }),
} satisfies Record<string, (...args: never[]) => Bilingual>;

/** Why a quote is refused by the source check, and what to do, in the reader's language. */
export function citationMessage(quote: string, lang: Lang): string {
  return lang === 'zh'
    ? `原文中找不到这段引文:${quoted(quote)}。请从原文中复制,或检查错字(空白和全角、半角标点的差异不计)。`
    : `The quote is not in the source text: ${quoted(quote)}. Copy it from the text, or look for a typo (white space and full- or half-width punctuation do not matter).`;
}

/** " Did you mean …?" in both languages. */
const hint = (match: string | undefined): Bilingual => ({ zh: didYouMean(match, 'zh'), en: didYouMean(match, 'en') });

/** What a bilingual text is, for the messages about it. */
export const VALIDATION_SUBJECTS = {
  label: { zh: '标签', en: 'The label' },
  title: { zh: '标题', en: 'The title' },
  description: { zh: '描述', en: 'The description' },
  note: { zh: '注释', en: 'The note' },
  sourceTitle: { zh: '出处标题', en: 'The source title' },
  author: { zh: '作者', en: 'The author' },
  publication: { zh: '出版物', en: 'The publication' },
  caption: { zh: '步骤说明', en: 'The caption' },
  viewTitle: { zh: '视图标题', en: 'The view title' },
  sectorName: { zh: '主体类型的名称', en: "The sector's name" },
  verb: { zh: '关系的动词', en: "The relation's verb" },
  meaning: { zh: '含义', en: 'The meaning' },
} as const satisfies Record<string, Bilingual>;

/** A model's own sector or relation, in messages about its declaration. */
export type Declared = 'sector' | 'relation';

/** What each declaration is called, and where an author declares it: in JSON, and in the sheets. */
const DECLARED: Readonly<Record<Declared, { zh: string; en: string; json: string; sheet: string; sheetZh: string }>> = {
  sector: { zh: '主体类型', en: 'sector', json: '"vocabulary": { "sectors": […] }', sheet: 'the sectors sheet (sectors.csv)', sheetZh: '主体类型表(sectors.csv)' },
  relation: { zh: '关系', en: 'relation', json: '"vocabulary": { "relations": […] }', sheet: 'the relation kinds sheet (relation-kinds.csv)', sheetZh: '关系类型表(relation-kinds.csv)' },
};

/** The palette's kinds of name, in words. */
const PALETTE_WORDS = {
  colour: { zh: '颜色', en: 'colour' },
  shape: { zh: '形状', en: 'shape' },
  line: { zh: '线型', en: 'line' },
  arrow: { zh: '箭头', en: 'arrow' },
} as const satisfies Record<string, Bilingual>;

/** A kind of palette name (see `PALETTE_NAMES`). */
export type PaletteKey = keyof typeof PALETTE_WORDS;

/** A subject of `VALIDATION_SUBJECTS`. */
export type ValidationSubject = keyof typeof VALIDATION_SUBJECTS;

/**
 * Every message of the validator, in both languages: what is wrong, and how to fix it. Values come
 * already quoted (see `quoted`); suggestions as the likely intended text.
 */
export const VALIDATION = {
  notGraph: (found: string): Bilingual => ({
    zh: `应为包含 "id"、"title"、"nodes" 和 "edges" 的图对象,实际是 ${found}。`,
    en: `Expected a graph object with "id", "title", "nodes" and "edges", found ${found}.`,
  }),
  reservedId: (shown: string, id: string): Bilingual => ({
    zh: `id ${shown} 是所有 JavaScript 对象都有的名称,绘图库会把它误认为内置属性:请换一个,如 "${id}-1"。`,
    en: `The id ${shown} is a name every JavaScript object has, which the drawing library would mistake for it: choose another, e.g. "${id}-1".`,
  }),
  labelLength: (length: number, max: number): Bilingual => ({
    zh: `标签有 ${length} 个字符,超过上限 ${max}:请用简短的名称,其余写入 "description"。`,
    en: `The label has ${length} characters, more than the ${max} a label may have: keep the name short and put the rest in "description".`,
  }),
  characters: (field: boolean, problem: CharacterProblem): Bilingual => {
    const what = field ? { zh: '字段名', en: 'The field name' } : { zh: '文本', en: 'The text' };
    return problem.kind === 'control'
      ? {
          zh: `${what.zh}在第 ${problem.at} 个字符处含有控制字符 ${problem.code},无法显示或导出:请删除。`,
          en: `${what.en} contains the control character ${problem.code} at character ${problem.at}, which cannot be shown or exported: remove it.`,
        }
      : {
          zh: `${what.zh}在第 ${problem.at} 个字符处含有双向控制符 ${problem.code},会打乱其后文字的顺序:请删除(从右向左书写的名称无需它也会正确显示)。`,
          en: `${what.en} contains the bidirectional control ${problem.code} at character ${problem.at}, which reorders the text after it: remove it (right-to-left names are shown in their own direction without it).`,
        };
  },
  unknownField: (key: string, match: string | undefined, allowed: readonly string[]): Bilingual => ({
    zh: `未知字段 ${key}。${hint(match).zh}此处可用:${allowed.join(', ')}。`,
    en: `Unknown field ${key}.${hint(match).en} Allowed here: ${allowed.join(', ')}.`,
  }),
  bilingual: (what: ValidationSubject): Bilingual => ({
    zh: `${VALIDATION_SUBJECTS[what].zh}应为含 "zh" 和 "en" 文本的对象,如 { "zh": "市政府", "en": "Municipal Government" }。`,
    en: `${VALIDATION_SUBJECTS[what].en} must be an object with "zh" and "en" texts, e.g. { "zh": "市政府", "en": "Municipal Government" }.`,
  }),
  noText: (what: ValidationSubject, lang: Lang): Bilingual => ({
    zh: `${VALIDATION_SUBJECTS[what].zh}缺少${lang === 'zh' ? '中文' : '英文'}文本:请添加 "${lang}": "…"。`,
    en: `${VALIDATION_SUBJECTS[what].en} has no ${lang === 'zh' ? 'Chinese' : 'English'} text: add "${lang}": "…".`,
  }),
  evidenceArray: (): Bilingual => ({ zh: 'evidence 应为 { "quote": "…" } 对象的数组。', en: 'evidence must be an array of { "quote": "…" } objects.' }),
  evidenceQuote: (): Bilingual => ({ zh: '每条依据都需要 "quote":原文中的一段话,逐字照录。', en: 'Each evidence item needs a "quote": a verbatim passage of the source.' }),
  unknownBasis: (value: string, match: string | undefined): Bilingual => ({
    zh: `未知的依据类型 ${value}。${hint(match).zh}请用 "stated"(原文陈述)或 "inferred"(作者的解读,需附 "note")。`,
    en: `Unknown basis ${value}.${hint(match).en} Use "stated" (the quotes say so) or "inferred" (your reading, with a "note").`,
  }),
  inferredNote: (): Bilingual => ({
    zh: '作者解读的关系需要 "note",说明解读的依据,如"原文在同一句中提到两个机构;二者的领导关系是背景知识"。',
    en: 'An inferred relation needs a "note" saying what the reading rests on, e.g. "the text names both bodies in one sentence; that one leads the other is background knowledge".',
  }),
  tooManyActors: (count: number, max: number): Bilingual => ({
    zh: `图有 ${count} 个主体,超过可绘制的上限 ${max}:请拆分为多个视图或文件。`,
    en: `The graph has ${count} actors, more than the ${max} that can be drawn: split it into views or several files.`,
  }),
  tooManyRelations: (count: number, max: number): Bilingual => ({
    zh: `图有 ${count} 条关系,超过可绘制的上限 ${max}:请拆分为多个文件。`,
    en: `The graph has ${count} relations, more than the ${max} that can be drawn: split it into several files.`,
  }),
  sourceObject: (): Bilingual => ({ zh: 'source 应为对象:含 "title",可选 "author"、"publication"、"url"。', en: 'source must be an object with a "title" and optional "author", "publication", "url".' }),
  sourceUrl: (): Bilingual => ({ zh: '出处 url 必须以 http:// 或 https:// 开头。', en: 'The source url must start with http:// or https://.' }),
  graphId: (): Bilingual => ({ zh: '图需要 "id":一个简短的名称,如 "domestic"。', en: 'The graph needs an "id": a short name such as "domestic".' }),
  nodesArray: (): Bilingual => ({ zh: '图需要 "nodes":主体的数组。', en: 'The graph needs "nodes": an array of actors.' }),
  noActors: (): Bilingual => ({ zh: '图中没有主体:请至少添加一个。', en: 'The graph has no actors: add at least one node.' }),
  nodeObject: (): Bilingual => ({ zh: '每个主体应为含 "id"、"label" 和 "sector" 的对象。', en: 'Each node must be an object with "id", "label" and "sector".' }),
  nodeId: (): Bilingual => ({ zh: '主体需要 "id"。', en: 'The node needs an "id".' }),
  duplicateNode: (id: string): Bilingual => ({ zh: `主体 id ${id} 重复:每个主体需要自己的 id。`, en: `Duplicate node id ${id}: each actor needs its own id.` }),
  shortObject: (): Bilingual => ({ zh: '简称应为含 "zh" 和/或 "en" 的对象。', en: 'The short label must be an object with "zh" and/or "en".' }),
  shortText: (): Bilingual => ({ zh: '简称必须是非空文本。', en: 'A short label must be a non-empty text.' }),
  unknownSector: (value: string, match: string | undefined, choices: readonly string[]): Bilingual => ({
    zh: `未知的主体类型 ${value}。${hint(match).zh}可用:${choices.join(', ')};或在 ${DECLARED.sector.json} 中声明新的类型。`,
    en: `Unknown sector ${value}.${hint(match).en} Use one of: ${choices.join(', ')}; or declare it in ${DECLARED.sector.json}.`,
  }),
  unknownLevel: (value: string, match: string | undefined, choices: readonly string[]): Bilingual => ({
    zh: `未知的层级 ${value}。${hint(match).zh}可用:${choices.join(', ')}。`,
    en: `Unknown level ${value}.${hint(match).en} Use one of: ${choices.join(', ')}.`,
  }),
  year: (): Bilingual => ({ zh: '年份必须是整数,如 2021。', en: 'The year must be a whole number such as 2021.' }),
  edgesArray: (): Bilingual => ({ zh: '图需要 "edges":关系的数组(可以为空)。', en: 'The graph needs "edges": an array of relations (it may be empty).' }),
  edgeObject: (): Bilingual => ({ zh: '每条关系应为含 "id"、"source"、"target" 和 "relation" 的对象。', en: 'Each edge must be an object with "id", "source", "target" and "relation".' }),
  edgeId: (): Bilingual => ({ zh: '关系需要 "id"。', en: 'The edge needs an "id".' }),
  duplicateId: (id: string): Bilingual => ({ zh: `id ${id} 重复:主体和关系各需自己的 id。`, en: `Duplicate id ${id}: nodes and edges each need their own id.` }),
  edgeEnd: (end: 'source' | 'target'): Bilingual => ({ zh: `关系需要 "${end}":一个主体的 id。`, en: `The edge needs a "${end}": the id of an actor.` }),
  noActor: (ref: string, match: string | undefined): Bilingual => ({ zh: `没有 id 为 ${ref} 的主体。${hint(match).zh}`, en: `No actor has the id ${ref}.${hint(match).en}` }),
  selfLoop: (id: string): Bilingual => ({ zh: `关系把 ${id} 连到它自己:一条关系需要两个不同的主体。`, en: `The edge links ${id} to itself: a relation needs two different actors.` }),
  unknownRelation: (value: string, match: string | undefined, choices: readonly string[]): Bilingual => ({
    zh: `未知的关系 ${value}。${hint(match).zh}可用:${choices.join(', ')};或在 ${DECLARED.relation.json} 中声明新的关系。`,
    en: `Unknown relation ${value}.${hint(match).en} Use one of: ${choices.join(', ')}; or declare it in ${DECLARED.relation.json}.`,
  }),
  stepsArray: (): Bilingual => ({ zh: 'steps 应为非空数组,每项含 "caption" 和 "actors"。', en: 'steps must be a non-empty array of { "caption", "actors" }.' }),
  stepObject: (): Bilingual => ({ zh: '每个步骤需要 "caption" 和它引入的 "actors"。', en: 'Each step needs a "caption" and the "actors" it brings in.' }),
  stepList: (key: string): Bilingual => ({ zh: `${key} 应为本视图主体 id 的数组。`, en: `${key} must be an array of actor ids of the view.` }),
  notInView: (ref: string, match: string | undefined): Bilingual => ({
    zh: `${ref} 不是本视图的主体:步骤只能展示视图中的主体。${hint(match).zh}`,
    en: `${ref} is not an actor of this view: a step can only show the view's actors.${hint(match).en}`,
  }),
  viewsArray: (): Bilingual => ({ zh: 'views 应为数组,每项含 "id"、"title"、"actors"。', en: 'views must be an array of { "id", "title", "actors" }.' }),
  viewObject: (): Bilingual => ({ zh: '每个视图应为含 "id"、"title" 和 "actors" 的对象。', en: 'Each view must be an object with "id", "title" and "actors".' }),
  viewId: (): Bilingual => ({ zh: '视图需要 "id"。', en: 'The view needs an "id".' }),
  duplicateView: (id: string): Bilingual => ({ zh: `视图 id ${id} 重复。`, en: `Duplicate view id ${id}.` }),
  viewActors: (): Bilingual => ({ zh: '视图需要 "actors":主体 id 的非空数组。', en: 'The view needs "actors": a non-empty array of actor ids.' }),
  vocabularyObject: (): Bilingual => ({
    zh: 'vocabulary 应为对象,可含 "sectors"(新的主体类型)和 "relations"(新的关系)两个数组。',
    en: 'vocabulary must be an object with "sectors" (your own sectors) and "relations" (your own relations), each an array.',
  }),
  declarationsArray: (what: Declared): Bilingual => ({ zh: `${DECLARED[what].json} 应为数组。`, en: `${DECLARED[what].json} must be an array.` }),
  declarationObject: (what: Declared): Bilingual =>
    what === 'sector'
      ? { zh: '每个新的主体类型应为含 "id"、"name"、"colour" 和 "shape" 的对象。', en: 'Each sector of your own must be an object with "id", "name", "colour" and "shape".' }
      : { zh: '每个新的关系应为含 "id"、"verb"、"kind"、"line" 和 "arrow" 的对象。', en: 'Each relation of your own must be an object with "id", "verb", "kind", "line" and "arrow".' },
  declaredId: (what: Declared, value: string | undefined): Bilingual => ({
    zh: `${DECLARED[what].zh}需要 "id"${value ? `(${value} 不可用)` : ''}:只用字母、数字、- 和 _,如 "water-board"。`,
    en: `The ${DECLARED[what].en} needs an "id"${value ? ` (not ${value})` : ''} of letters, digits, - and _ only, such as "water-board".`,
  }),
  builtInId: (what: Declared, id: string): Bilingual => ({
    zh: `${id} 已是内置的${DECLARED[what].zh}:直接使用即可,无需声明;若要不同的含义,请换一个 id。`,
    en: `${id} is already a built-in ${DECLARED[what].en}: use it without declaring it, or choose another id for a different meaning.`,
  }),
  legendKey: (id: string, other: Declared | 'inferred'): Bilingual =>
    other === 'inferred'
      ? { zh: `${id} 是图例中“作者的解读”的名称:请换一个 id。`, en: `${id} names the author's reading in the legend: choose another id.` }
      : {
          zh: `${id} 已是${other === 'sector' ? '主体类型' : '关系'}的 id:图例按 id 隐藏和显示主体类型与关系,二者不能同名;请换一个 id。`,
          en: `${id} is already the id of a ${other}: the legend hides and shows sectors and relations by id, so they cannot share one; choose another id.`,
        },
  duplicateDeclared: (what: Declared, id: string): Bilingual => ({ zh: `${DECLARED[what].zh} ${id} 声明了两次:请删除一处。`, en: `The ${DECLARED[what].en} ${id} is declared twice: remove one.` }),
  paletteName: (key: PaletteKey, value: string | undefined, match: string | undefined, names: readonly string[]): Bilingual => ({
    zh: `${value === undefined ? `缺少${PALETTE_WORDS[key].zh} "${key}"` : `调色板中没有${PALETTE_WORDS[key].zh} ${value}`}。${hint(match).zh}可用:${names.join(', ')}。`,
    en: `${value === undefined ? `There is no ${key}` : `The palette has no ${key} ${value}`}.${hint(match).en} Use one of: ${names.join(', ')}.`,
  }),
  tier: (value: string, min: number, max: number): Bilingual => ({
    zh: `层次 ${value} 无效:请写 ${min}(最上,如党委)到 ${max}(最下,如社会)之间的整数。`,
    en: `The tier ${value} is not a row of the picture: write a whole number from ${min} (the top, as the Party) to ${max} (the bottom, as society).`,
  }),
  relationKind: (value: string | undefined, match: string | undefined): Bilingual => ({
    zh: `${value === undefined ? '缺少 "kind"' : `未知的关系类别 ${value}`}。${hint(match).zh}请用 "accountability"(问责:追溯时沿它向上)或 "influence"(影响)。`,
    en: `${value === undefined ? 'There is no "kind"' : `Unknown kind ${value}`}.${hint(match).en} Use "accountability" (the lower end answers to the upper: traces follow it) or "influence".`,
  }),
  flow: (value: string, match: string | undefined): Bilingual => ({
    zh: `未知的方向 ${value}。${hint(match).zh}请用 "down"(起点在上)或 "up"(起点在下)。`,
    en: `Unknown flow ${value}.${hint(match).en} Use "down" (the source stands above the target) or "up" (it stands below).`,
  }),
} satisfies Record<string, (...args: never[]) => Bilingual>;

/**
 * The validator's messages that speak of JSON fields, in a spreadsheet's words: a graph read from
 * sheets is checked like any other, and its problems name the columns to fill in.
 */
export const IN_SHEETS = {
  noText: (what: ValidationSubject, lang: Lang): Bilingual => ({
    zh: `${VALIDATION_SUBJECTS[what].zh}缺少${lang === 'zh' ? '中文' : '英文'}文本:请填写 ${lang} 列(${lang === 'zh' ? '中文名' : '英文名'})。`,
    en: `${VALIDATION_SUBJECTS[what].en} has no ${lang === 'zh' ? 'Chinese' : 'English'} text: fill in the column ${lang}.`,
  }),
  labelLength: (length: number, max: number): Bilingual => ({
    zh: `名称有 ${length} 个字符,超过上限 ${max}:请用简短的名称,其余写入 description(描述)列。`,
    en: `The name has ${length} characters, more than the ${max} a name may have: keep it short and put the rest in the column description.`,
  }),
  nodeId: (): Bilingual => ({ zh: '主体需要编号:请填写 id(编号)列。', en: 'The actor needs an id: fill in the column id.' }),
  noActors: (): Bilingual => ({ zh: '主体表中没有主体:请每行填写一个。', en: 'The actors sheet has no actors: add one row per actor.' }),
  duplicateId: (id: string): Bilingual => ({ zh: `编号 ${id} 重复:主体和关系各需自己的编号(id 列)。`, en: `Duplicate id ${id}: actors and relations each need their own id (column id).` }),
  edgeEnd: (end: 'source' | 'target'): Bilingual => ({
    zh: `关系需要${end === 'source' ? '起点' : '终点'}:请在 ${end} 列填写一个主体的编号。`,
    en: `The relation needs a ${end}: fill in the column ${end} with the id of an actor.`,
  }),
  unknownSector: (value: string, match: string | undefined, choices: readonly string[]): Bilingual => ({
    zh: `未知的主体类型 ${value}。${hint(match).zh}可用:${choices.join(', ')};或在${DECLARED.sector.sheetZh}中添加一行。`,
    en: `Unknown sector ${value}.${hint(match).en} Use one of: ${choices.join(', ')}; or add it to ${DECLARED.sector.sheet}.`,
  }),
  unknownRelation: (value: string, match: string | undefined, choices: readonly string[]): Bilingual => ({
    zh: `未知的关系 ${value}。${hint(match).zh}可用:${choices.join(', ')};或在${DECLARED.relation.sheetZh}中添加一行。`,
    en: `Unknown relation ${value}.${hint(match).en} Use one of: ${choices.join(', ')}; or add it to ${DECLARED.relation.sheet}.`,
  }),
  unknownBasis: (value: string, match: string | undefined): Bilingual => ({
    zh: `未知的依据 ${value}。${hint(match).zh}请在 basis(依据)列写“原文陈述”(stated)或“作者解读”(inferred,并在 note 列说明)。`,
    en: `Unknown basis ${value}.${hint(match).en} Write stated (the quotes say so) or inferred (your reading, explained in the column note) in the column basis.`,
  }),
  inferredNote: (): Bilingual => ({
    zh: '作者解读的关系需要说明:请在 note(备注)列写明解读的依据,如“原文在同一句中提到两个机构;二者的领导关系是背景知识”。',
    en: 'An inferred relation needs a note: say in the column note what the reading rests on, e.g. "the text names both bodies in one sentence; that one leads the other is background knowledge".',
  }),
  viewId: (): Bilingual => ({ zh: '视图需要编号:请填写 id(视图)列。', en: 'The view needs an id: fill in the column id.' }),
  viewActors: (): Bilingual => ({ zh: '视图需要主体:请在 actors(主体)列列出主体编号,用逗号分隔。', en: 'The view needs actors: list their ids in the column actors, separated by commas.' }),
  declaredId: (what: Declared, value: string | undefined): Bilingual => ({
    zh: `${DECLARED[what].zh}需要编号${value ? `(${value} 不可用)` : ''}:请在 id 列只用字母、数字、- 和 _,如 water-board。`,
    en: `The ${DECLARED[what].en} needs an id${value ? ` (not ${value})` : ''}: fill in the column id with letters, digits, - and _ only, such as water-board.`,
  }),
  paletteName: (key: PaletteKey, value: string | undefined, match: string | undefined, names: readonly string[]): Bilingual => ({
    zh: `${value === undefined ? `请填写 ${key}(${PALETTE_WORDS[key].zh})列` : `调色板中没有${PALETTE_WORDS[key].zh} ${value}`}。${hint(match).zh}可用:${names.join(', ')}。`,
    en: `${value === undefined ? `Fill in the column ${key}` : `The palette has no ${key} ${value}`}.${hint(match).en} Use one of: ${names.join(', ')}.`,
  }),
  tier: (value: string, min: number, max: number): Bilingual => ({
    zh: `tier(层次)列的 ${value} 无效:请写 ${min}(最上,如党委)到 ${max}(最下,如社会)之间的整数,或留空。`,
    en: `The tier ${value} is not a row of the picture: write a whole number from ${min} (the top, as the Party) to ${max} (the bottom, as society) in the column tier, or leave it empty.`,
  }),
  relationKind: (value: string | undefined, match: string | undefined): Bilingual => ({
    zh: `${value === undefined ? '请填写 kind(类别)列' : `未知的关系类别 ${value}`}。${hint(match).zh}请写“问责”(accountability:追溯时沿它向上)或“影响”(influence)。`,
    en: `${value === undefined ? 'Fill in the column kind' : `Unknown kind ${value}`}.${hint(match).en} Write accountability (the lower end answers to the upper: traces follow it) or influence.`,
  }),
  flow: (value: string, match: string | undefined): Bilingual => ({
    zh: `未知的方向 ${value}。${hint(match).zh}请在 flow(方向)列写“向下”(down,起点在上)或“向上”(up,起点在下),或留空。`,
    en: `Unknown flow ${value}.${hint(match).en} Write down (the source stands above the target) or up (it stands below) in the column flow, or leave it empty.`,
  }),
} satisfies Partial<{ [key in keyof typeof VALIDATION]: (typeof VALIDATION)[key] }>;

/** The project's JSON files that are not models (see `otherFile` in `load.ts`). */
export type OtherFile = 'comparison' | 'schema' | 'layouts';

/** What each of the project's other JSON files is, in words. */
const OTHER_FILES: Readonly<Record<OtherFile, Bilingual>> = {
  comparison: { zh: '比较文件(两个模型的比较表和对应主体)', en: 'a comparison file (the table and counterparts of two models)' },
  schema: { zh: '一份 JSON Schema(文件格式的说明)', en: 'a JSON Schema (the description of a file format)' },
  layouts: { zh: '布局文件(内置模型中主体的位置)', en: "a layouts file (where the built-in models' actors stand)" },
};

/**
 * Why a graph could not be loaded or shown, in both languages: what went wrong and what to try.
 * Places (URLs, ids) come already quoted or clipped; `detail` is the browser's or parser's own text.
 */
export const LOADING = {
  invalidGraph: (where: string, count: number, first: string): Bilingual => ({
    zh: `${where} 不是有效的图(${count} 个问题)。第一个:${first}`,
    en: `${where} is not a valid graph (${count === 1 ? '1 problem' : `${count} problems`}). First: ${first}`,
  }),
  tooLarge: (where: string, size: Bilingual, max: string): Bilingual => ({
    zh: `${where} 大小为 ${size.zh},超过图文件的上限 ${max}:请拆分为多个文件。`,
    en: `${where} is ${size.en}, larger than the ${max} a graph file may have: split it into several files.`,
  }),
  sizeLimit: (max: string): Bilingual => ({ zh: `图文件最大 ${max}。`, en: `A graph file may have at most ${max}.` }),
  overSize: (max: string): Bilingual => ({ zh: `超过 ${max}`, en: `over ${max}` }),
  html: (where: string): Bilingual => ({
    zh: `${where} 是 HTML 而不是 JSON:请检查地址是否指向 .json 文件本身(404 页面或登录页常以 HTML 返回)。`,
    en: `${where} is HTML, not JSON: check the URL points at the .json file itself (a 404 page or a login page is often served as HTML).`,
  }),
  startsWithTag: (): Bilingual => ({ zh: '返回内容以 "<" 开头。', en: 'The response starts with "<".' }),
  notModel: (where: string, kind: OtherFile): Bilingual => ({
    zh: `${where} 是${OTHER_FILES[kind].zh},不是模型:请改用模型文件,如 graph-data/domestic.json。`,
    en: `${where} is ${OTHER_FILES[kind].en}, not a model: give a model file instead, such as graph-data/domestic.json.`,
  }),
  notJson: (where: string, at: { line: number; column: number } | undefined, detail: string): Bilingual => ({
    zh: `${where} 不是有效的 JSON${at ? `(第 ${at.line} 行第 ${at.column} 列)` : ''}:${detail}。请检查该处是否缺少逗号、引号或括号。`,
    en: `${where} is not valid JSON${at ? ` at line ${at.line}, column ${at.column}` : ''}: ${detail}. Check for a missing comma, quote or bracket there.`,
  }),
  timeout: (where: string, seconds: number): Bilingual => ({
    zh: `${where} 在 ${seconds} 秒内未能加载完成:请检查地址和服务器,或换用更好的网络重试。`,
    en: `${where} did not arrive within ${seconds} s: check the address and the server, or try again on a better connection.`,
  }),
  http: (where: string, status: string): Bilingual => ({
    zh: `无法加载 ${where}:服务器返回 HTTP ${status}。请检查文件地址。`,
    en: `Could not load ${where}: the server answered HTTP ${status}. Check the address of the file.`,
  }),
  broke: (where: string, detail: string): Bilingual => ({
    zh: `加载 ${where} 时连接中断(${detail}):请重试,或检查服务器。`,
    en: `The connection broke while ${where} was loading (${detail}): try again, or check the server.`,
  }),
  redirects: (where: string): Bilingual => ({
    zh: `无法加载 ${where}:它发生了重定向,而重定向无法跟随(循环重定向,或重定向到不允许本页面加载的服务器)。请在浏览器标签页中打开该地址查看最终去向,并使用最终地址。`,
    en: `Could not load ${where}: it redirects, and the redirects could not be followed (a redirect loop, or a redirect to a server that does not let this page load it). Open the address in a browser tab to see where it leads, and use the final address.`,
  }),
  unreachable: (where: string, detail: string): Bilingual => ({
    zh: `无法访问 ${where}:${detail}。请检查地址、服务器是否允许本页面加载它(CORS),以及页面的内容安全策略是否允许(connect-src)。`,
    en: `Could not reach ${where}: ${detail}. Check the address, that the server lets this page load it (CORS), and that the page's Content-Security-Policy allows it (connect-src).`,
  }),
  noBuiltIn: (model: string, match: string | undefined, names: readonly string[]): Bilingual => ({
    zh: `没有名为 ${model} 的内置模型。${didYouMean(match, 'zh')}内置模型:${names.join(', ')};或将 src 设为图文件的地址。`,
    en: `There is no built-in model ${model}.${didYouMean(match, 'en')} Built-in models: ${names.join(', ')}; or set src to the URL of a graph file.`,
  }),
  noModel: (): Bilingual => ({
    zh: `${MESSAGES.noModel.zh}:model="domestic"、model="foreign" 或 src="my-graph.json"。`,
    en: `${MESSAGES.noModel.en}: model="domestic", model="foreign", or src="my-graph.json".`,
  }),
  noView: (model: string, view: string, match: string | undefined, views: readonly string[]): Bilingual => ({
    zh: `模型 ${model} 没有视图 ${view}。${didYouMean(match, 'zh')}${views.length ? `视图:${views.join(', ')}。` : '它没有定义视图。'}删除 view 属性即可显示整个模型。`,
    en: `The model ${model} has no view ${view}.${didYouMean(match, 'en')} ${views.length ? `Views: ${views.join(', ')}.` : 'It defines no views.'} Remove the view attribute to show the whole model.`,
  }),
  layout: (detail: string): Bilingual => ({
    zh: `无法为此图布局(${detail})。请尝试 layout="hierarchy",或在一个视图中减少主体和关系。`,
    en: `The graph could not be laid out (${detail}). Try layout="hierarchy", or fewer actors and relations in one view.`,
  }),
} satisfies Record<string, (...args: never[]) => Bilingual>;

/** The words for a trace with nothing to list, within a view (`inView`) or the whole model. */
export function noChainWords(inView: boolean) {
  return inView
    ? ({ upstream: 'noUpstreamInView', downstream: 'noDownstreamInView', connection: 'noChainInView' } as const)
    : ({ upstream: 'noUpstream', downstream: 'noDownstream', connection: 'noChain' } as const);
}

/** Why a trace could not be followed (the element shows it as a notice), in both languages. */
export const TRACING = {
  noActor: (model: string, id: string, match: string | undefined): Bilingual => ({
    zh: `模型 ${model} 中没有可追溯的主体 ${id}。${didYouMean(match, 'zh')}`,
    en: `The model ${model} has no actor ${id} to trace.${didYouMean(match, 'en')}`,
  }),
  notInView: (view: string, id: string): Bilingual => ({
    zh: `主体 ${id} 不在视图 ${view} 中:请选择含有它的视图,或去掉 view 以追溯整个模型。`,
    en: `The actor ${id} is not in the view ${view}: pick a view that shows it, or drop view to trace the whole model.`,
  }),
} satisfies Record<string, (...args: never[]) => Bilingual>;

/** A side of a comparison, in messages about it. */
const SIDES = { left: { zh: '左侧', en: 'left' }, right: { zh: '右侧', en: 'right' } } as const satisfies Record<string, Bilingual>;

/**
 * Every problem of a comparison file (`graph-data/comparison.json`), in both languages: what is
 * wrong, and how to fix it. Values come already quoted (see `quoted`).
 */
export const COMPARISON = {
  notComparison: (): Bilingual => ({
    zh: '应为含 "left"、"right"、"rows" 和 "counterparts" 的比较对象。',
    en: 'Expected a comparison object with "left", "right", "rows" and "counterparts".',
  }),
  id: (): Bilingual => ({ zh: '比较需要 "id"。', en: 'The comparison needs an "id".' }),
  title: (): Bilingual => ({ zh: '标题需要 "zh" 和 "en" 文本。', en: 'The title needs "zh" and "en" texts.' }),
  noModel: (id: string, match: string | undefined): Bilingual => ({ zh: `没有 id 为 ${id} 的模型。${hint(match).zh}`, en: `No model has the id ${id}.${hint(match).en}` }),
  noView: (side: keyof typeof SIDES, model: string, view: string): Bilingual => ({
    zh: `${SIDES[side].zh}模型 ${model} 没有视图 ${view}。`,
    en: `The ${SIDES[side].en} model ${model} has no view ${view}.`,
  }),
  rows: (): Bilingual => ({ zh: '比较需要 "rows"。', en: 'The comparison needs "rows".' }),
  rowObject: (): Bilingual => ({ zh: '每行需要 "id"、"kind"、"dimension"、"left" 和 "right"。', en: 'Each row needs "id", "kind", "dimension", "left" and "right".' }),
  rowId: (): Bilingual => ({ zh: '该行需要 "id"。', en: 'The row needs an "id".' }),
  rowKind: (): Bilingual => ({
    zh: 'kind 应为 "dimension"(原文比较表的维度)或 "contrast"(原文中的对比)。',
    en: 'kind must be "dimension" or "contrast".',
  }),
  dimension: (): Bilingual => ({ zh: '维度需要 "zh" 和 "en" 文本。', en: 'The dimension needs "zh" and "en" texts.' }),
  cell: (): Bilingual => ({
    zh: '单元格需要含 "zh" 和 "en" 的 "text" 及其 "evidence";原文未说明之处写 { "notStated": true }。',
    en: 'A cell needs a "text" in "zh" and "en" with its "evidence", or { "notStated": true } where the source is silent.',
  }),
  cellEvidence: (): Bilingual => ({
    zh: '有内容的单元格至少需要一段原文引文;原文未说明时写 { "notStated": true }。',
    en: 'A stated cell needs at least one quote of the source; if the source says nothing, use { "notStated": true }.',
  }),
  counterparts: (): Bilingual => ({ zh: '比较需要 "counterparts"(可以为空)。', en: 'The comparison needs "counterparts" (it may be empty).' }),
  groupObject: (): Bilingual => ({ zh: '每组对应主体需要 "left"、"right" 和 "label"。', en: 'Each counterpart group needs "left", "right" and "label".' }),
  label: (): Bilingual => ({ zh: '标签需要 "zh" 和 "en" 文本。', en: 'The label needs "zh" and "en" texts.' }),
  basis: (): Bilingual => ({ zh: 'basis 应为 "stated"(原文陈述)或 "inferred"(作者的解读)。', en: 'basis must be "stated" or "inferred".' }),
  note: (): Bilingual => ({ zh: 'note 应为文本,或含 "zh" 和 "en" 文本的对象。', en: 'The note must be a text or have "zh" and "en" texts.' }),
  inferredNote: (): Bilingual => ({ zh: '作者解读的对应需要 "note",说明解读的依据。', en: 'An inferred pairing needs a "note" saying what the reading rests on.' }),
  sideIds: (side: keyof typeof SIDES): Bilingual => ({ zh: `请列出${SIDES[side].zh}模型的主体 id。`, en: `List the ${SIDES[side].en} model's actor ids.` }),
  noActor: (side: keyof typeof SIDES, model: string, id: string, match: string | undefined): Bilingual => ({
    zh: `${SIDES[side].zh}模型 ${model} 没有主体 ${id}。${hint(match).zh}`,
    en: `The ${SIDES[side].en} model ${model} has no actor ${id}.${hint(match).en}`,
  }),
} satisfies Record<string, (...args: never[]) => Bilingual>;

/** A goal of the slide check a view misses (see `slideShortfalls` in `src/render/slide-metrics.ts`). */
export interface SlideMiss {
  goal: 'labelPx' | 'split' | 'overlaps' | 'passThroughs' | 'crossings';
  actual: number;
  wanted: number;
  /** For labels too small, when the actors would not crowd the slide at the goal's size: what keeps them from growing. */
  limit?: TypeLimit;
}

/**
 * What keeps a fitted graph's labels from growing (see `typeLimit` in `src/render/slide-metrics.ts`):
 * along the height, its rows (a row is as tall as its tallest actor); along the width, its widest
 * row. An author shortens the labels of the actors larger than the usual, or shows fewer levels or
 * fewer actors side by side.
 */
export interface TypeLimit {
  /** `height` when the graph is as tall as the fit allows, `width` when as wide. */
  along: 'height' | 'width';
  /** Rows the actors stand in, top to bottom (actors whose centres are level share one). */
  rows: number;
  /** Actors side by side in the widest row. */
  widestRow: number;
  /** The actors larger than the usual that take most of that room, largest first (at most two): ids, or names once named (see `namedMisses`). */
  largest: string[];
}

/** What keeps a slide's labels from growing, and what the author can do about it (`largest` named). */
export function typeLimitMessage({ along, rows, widestRow, largest }: TypeLimit, lang: Lang): string {
  const zh = lang === 'zh';
  const names = largest.map((name) => quoted(name.replace(/\s*\n\s*/g, ' '))).join(zh ? '、' : ' and ');
  const one = largest.length === 1;
  if (along === 'height') {
    if (zh) return `图已和幻灯片一样高,共 ${rows} 层${names ? `,最高的主体是 ${names}:缩短${one ? '它' : '它们'}的标签,或减少层级(拆分视图)` : ':减少层级(拆分视图)'},字才能放大`;
    const levels = `in ${rows} ${rows === 1 ? 'row' : 'rows'}`;
    return names
      ? `the graph is as tall as the slide allows, ${levels}, and ${names} ${one ? 'is its tallest actor' : 'are its tallest actors'}: shorter labels for ${one ? 'it' : 'these'}, or fewer levels (split the view), let the type grow`
      : `the graph is as tall as the slide allows, ${levels}: fewer levels (split the view) let the type grow`;
  }
  if (zh) return `图已和幻灯片一样宽,一行并排 ${widestRow} 个主体${names ? `,最宽的是 ${names}:缩短${one ? '它' : '它们'}的标签,或减少并排的主体(拆分视图)` : ':减少并排的主体(拆分视图)'},字才能放大`;
  const side = `${widestRow} ${widestRow === 1 ? 'actor' : 'actors side by side'}`;
  return names
    ? `the graph is as wide as the slide allows, ${side}, and ${names} ${one ? 'is the widest' : 'are the widest of them'}: shorter labels for ${one ? 'it' : 'these'}, or fewer actors side by side (split the view), let the type grow`
    : `the graph is as wide as the slide allows, ${side}: fewer actors side by side (split the view) let the type grow`;
}

/** What keeps a slide's labels from growing (see `typeLimitMessage`), as a sentence of its own: under the slide check's message, for who asks why. */
export function typeLimitSentence(limit: TypeLimit, lang: Lang): string {
  const said = typeLimitMessage(limit, lang);
  return lang === 'zh' ? `${said}。` : `${said.charAt(0).toUpperCase()}${said.slice(1)}.`;
}

/** What a view misses to read on a slide, drawn as on one, and what to do, in the reader's language. */
export function slideCheckMessage(view: string | undefined, size: string, misses: readonly SlideMiss[], lang: Lang): string {
  const zh = lang === 'zh';
  const say = ({ goal, actual, wanted }: SlideMiss): string => {
    switch (goal) {
      case 'labelPx':
        return zh ? `标签只有 ${actual.toFixed(1)} 像素(至少需要 ${wanted} 像素)` : `labels are ${actual.toFixed(1)} px (at least ${wanted} px read from the back of a room)`;
      case 'split':
        return zh ? '主体太多,一张幻灯片放不下:请拆分此视图(views.csv)' : 'too many actors for one slide: split the view (views.csv)';
      case 'overlaps':
        return zh ? `${actual} 对主体重叠` : `${actual} ${actual === 1 ? 'pair' : 'pairs'} of actors overlap`;
      case 'passThroughs':
        return zh ? `${actual} 条关系穿过其他主体` : `${actual} ${actual === 1 ? 'relation runs' : 'relations run'} through another actor`;
      case 'crossings':
        return zh ? `${actual} 处关系交叉(至多 ${wanted} 处)` : `${actual} relations cross (at most ${wanted} read)`;
    }
  };
  const where = view ? quoted(view) : '';
  return zh
    ? `${view ? `视图 ${where}` : '此图'}在 ${size} 的幻灯片上看不清:${misses.map(say).join(';')}。`
    : `${view ? `The view ${where}` : 'This graph'} does not read on a ${size} slide: ${misses.map(say).join('; ')}.`;
}

/** The slide check: a view with more actors than read on one slide, and what to do. */
export function crowdedMessage(actors: number, max: number, view: string | undefined, lang: Lang): string {
  const name = view ? quoted(view) : '';
  return lang === 'zh'
    ? `${view ? `视图 ${name}` : '此图'}有 ${actors} 个主体,超过一张幻灯片能看清的约 ${max} 个:请选择或定义视图(views.csv)。`
    : `${view ? `The view ${name}` : 'This graph'} has ${actors} actors, more than the about ${max} legible on one slide: pick a view, or define views (views.csv).`;
}
