import { quoted } from './text.js';
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
  upstream: { zh: '向上:对谁负责', en: 'Upstream: answers to' },
  downstream: { zh: '向下:领导、协调谁', en: 'Downstream: steers' },
  noUpstream: { zh: '本模型中不对其他主体负责', en: 'Answers to no one in this model' },
  noDownstream: { zh: '本模型中不领导或协调其他主体', en: 'Steers no one in this model' },
  includeInfluence: { zh: '包括影响关系(引导、资金、购买服务、合作、参与、推动)', en: 'Include influence (guides, funds, buys services, partners, participates, promotes)' },
  chainTo: { zh: '追溯到另一主体…', en: 'Chain to another actor…' },
  chainBetween: { zh: '之间的责任链', en: 'chains of responsibility between' },
  and: { zh: '与', en: 'and' },
  noChain: { zh: '没有责任链连接', en: 'No chain of responsibility connects' },
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
  openFailed: { zh: '无法打开这些文件,当前的图保持不变。', en: 'These files could not be opened; the graph shown is unchanged.' },
  moreProblems: { zh: '另有问题', en: 'more problems' },
  notMine: { zh: '此浏览器的“我的模型”中没有这个模型,已改为显示内置模型。', en: 'This model is not among My models in this browser; a built-in model is shown instead.' },
  sourceText: { zh: '原文', en: 'Source text' },
  sourceKept: { zh: '原文只保存在本机浏览器中,不会上传。', en: 'The text stays in this browser; it is never uploaded.' },
  quotesFound: { zh: '条关系的引文在原文中找到', en: 'relations with every quote found in the text' },
  quoteFound: { zh: '原文中找到', en: 'found in the text' },
  quoteNotFound: { zh: '原文中未找到', en: 'not found in the text' },
  noQuote: { zh: '没有引文', en: 'no quote' },
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
  return lang === 'both' ? 'zh' : lang;
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

/** Why a quote is refused by the source check, and what to do, in the reader's language. */
export function citationMessage(quote: string, lang: Lang): string {
  return lang === 'zh'
    ? `原文中找不到这段引文:${quoted(quote)}。请从原文中复制,或检查错字(空白和全角、半角标点的差异不计)。`
    : `The quote is not in the source text: ${quoted(quote)}. Copy it from the text, or look for a typo (white space and full- or half-width punctuation do not matter).`;
}
