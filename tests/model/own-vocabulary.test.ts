import { readFileSync } from 'node:fs';
import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { BUILTIN_MODELS } from '../../src/model/builtin.js';
import { compareModels } from '../../src/model/compare.js';
import { importSheets, type SheetFile } from '../../src/model/sheets.js';
import { chainSentence, linkSentences, traceUpstream } from '../../src/model/trace.js';
import { validateGraph } from '../../src/model/validate.js';
import { BUILT_IN_VOCABULARY, DECLARED_KINDS, PALETTE_NAMES, SECTOR_TYPES, vocabularyOf } from '../../src/model/vocabulary.js';
import { legendIn, selectView, toElements } from '../../src/render/elements.js';
import { exportFrame } from '../../src/render/export.js';
import { contrast, lookOf, rulesOf, type Drawn } from '../../src/render/looks.js';
import { COLOURS, THEME_COLOURS } from '../../src/render/palette.js';
import { bandPositions } from '../../src/render/placement.js';
import { scene } from '../../src/render/scene.js';
import { stylesheet } from '../../src/render/stylesheet.js';
import { ownVocabularyGraph } from './fixtures.js';

const measure = () => (text: string) => text.length * 8;
const problemsOf = (graph: unknown, lang: 'zh' | 'en' = 'en') => validateGraph(graph, { lang }).problems;
const withVocabulary = (vocabulary: unknown) => ({ ...ownVocabularyGraph(), vocabulary });
const sectorDeclaration = () => ownVocabularyGraph().vocabulary!.sectors![0];
const relationDeclaration = () => ownVocabularyGraph().vocabulary!.relations![0];
const advises = () => ownVocabularyGraph().vocabulary!.relations![1];

describe("a model's own sectors and relations", () => {
  it('validate, and its actors and relations may use them', () => {
    expect(problemsOf(ownVocabularyGraph())).toEqual([]);
  });

  it('are still unknown to a model that does not declare them', () => {
    const { vocabulary, ...undeclared } = ownVocabularyGraph();
    expect(vocabulary).toBeDefined();
    const paths = problemsOf(undeclared).map((problem) => problem.path);
    expect(paths).toEqual(['$.nodes[1].sector', '$.edges[0].relation', '$.edges[2].relation']);
    expect(problemsOf(undeclared)[0].message).toContain('vocabulary');
  });

  it('must name colours, shapes, lines and arrowheads of the palette, with a suggestion for a typo', () => {
    const problems = problemsOf(
      withVocabulary({
        sectors: [{ ...sectorDeclaration(), colour: 'orang', shape: 'star' }],
        relations: [{ ...relationDeclaration(), line: 'wavy', arrow: 'chevorn' }, advises()],
      }),
    );
    expect(problems.map((problem) => problem.path)).toEqual([
      '$.vocabulary.sectors[0].colour',
      '$.vocabulary.sectors[0].shape',
      '$.vocabulary.relations[0].line',
      '$.vocabulary.relations[0].arrow',
    ]);
    expect(problems[0].message).toContain('Did you mean "orange"?');
    expect(problems[0].message).toContain('light-blue');
    expect(problems[3].message).toContain('Did you mean "chevron"?');
  });

  it('may not take the id of a built-in sector or relation, nor one twice, nor one with quotes or spaces', () => {
    const problems = problemsOf(
      withVocabulary({
        sectors: [sectorDeclaration(), { ...sectorDeclaration(), id: 'party' }, sectorDeclaration(), { ...sectorDeclaration(), id: 'a "b"' }],
        relations: [{ ...relationDeclaration(), id: 'leads' }, relationDeclaration(), { ...relationDeclaration(), id: 'advises' }],
      }),
    );
    expect(problems.map((problem) => problem.path)).toEqual([
      '$.vocabulary.sectors[1].id',
      '$.vocabulary.sectors[2].id',
      '$.vocabulary.sectors[3].id',
      '$.vocabulary.relations[0].id',
    ]);
    expect(problems[0].message).toMatch(/"party" is already a built-in sector/);
    expect(problems[1].message).toMatch(/"water-board" is declared twice/);
    expect(problems[3].message).toMatch(/"leads" is already a built-in relation/);
  });

  it("may not take a legend key another sector, relation or the author's reading already has", () => {
    const graph = withVocabulary({
      sectors: [sectorDeclaration(), { ...sectorDeclaration(), id: 'inferred' }, { ...sectorDeclaration(), id: 'leads' }],
      relations: [{ ...relationDeclaration(), id: 'water-board' }, { ...relationDeclaration(), id: 'party' }, { ...relationDeclaration(), id: 'inferred' }],
    });
    // the relations using the refused declarations are unknown too: only the declarations matter here
    const declared = (lang: 'zh' | 'en') => problemsOf(graph, lang).filter((problem) => problem.path.startsWith('$.vocabulary'));
    expect(declared('en').map((problem) => [problem.path, problem.message])).toEqual([
      ['$.vocabulary.sectors[1].id', '"inferred" names the author\'s reading in the legend: choose another id.'],
      ['$.vocabulary.sectors[2].id', '"leads" is already the id of a relation: the legend hides and shows sectors and relations by id, so they cannot share one; choose another id.'],
      ['$.vocabulary.relations[0].id', '"water-board" is already the id of a sector: the legend hides and shows sectors and relations by id, so they cannot share one; choose another id.'],
      ['$.vocabulary.relations[1].id', '"party" is already the id of a sector: the legend hides and shows sectors and relations by id, so they cannot share one; choose another id.'],
      ['$.vocabulary.relations[2].id', '"inferred" names the author\'s reading in the legend: choose another id.'],
    ]);
    expect(declared('zh')[2].message).toBe('"water-board" 已是主体类型的 id:图例按 id 隐藏和显示主体类型与关系,二者不能同名;请换一个 id。');
  });

  it('need a name or verb in both languages, a kind traces understand, a known flow and a row of the picture', () => {
    const problems = problemsOf(
      withVocabulary({
        sectors: [{ ...sectorDeclaration(), name: { zh: '水务协会' }, tier: 9 }],
        relations: [{ ...relationDeclaration(), verb: { en: 'inspects' }, kind: 'acountability', flow: 'sideways' }, advises()],
      }),
    );
    expect(problems.map((problem) => problem.path)).toEqual([
      '$.vocabulary.sectors[0].name.en',
      '$.vocabulary.sectors[0].tier',
      '$.vocabulary.relations[0].verb.zh',
      '$.vocabulary.relations[0].kind',
      '$.vocabulary.relations[0].flow',
    ]);
    expect(problems[3].message).toContain('Did you mean "accountability"?');
  });

  it('are explained in Chinese too', () => {
    const [problem] = problemsOf(withVocabulary({ sectors: [{ ...sectorDeclaration(), colour: 'orang' }] }), 'zh');
    expect(problem.message).toContain('调色板中没有颜色 "orang"');
    expect(problem.message).toContain('是否想写 "orange"?');
  });

  it('are described by the JSON Schema with the palette the validator takes', () => {
    const { $defs } = JSON.parse(readFileSync('graph-data/schema.json', 'utf8'));
    expect($defs.sectorDeclaration.properties.colour.enum).toEqual(PALETTE_NAMES.colours);
    expect($defs.sectorDeclaration.properties.shape.enum).toEqual(PALETTE_NAMES.shapes);
    expect($defs.relationDeclaration.properties.line.enum).toEqual(PALETTE_NAMES.lines);
    expect($defs.relationDeclaration.properties.arrow.enum).toEqual(PALETTE_NAMES.arrows);
    expect($defs.relationDeclaration.properties.kind.enum).toEqual(DECLARED_KINDS);
  });

  it('resolve into one vocabulary per declaration, the built-in one first', () => {
    const graph = ownVocabularyGraph();
    const vocabulary = vocabularyOf(graph);
    // a view or a trace copies the graph, not its declaration
    expect(vocabularyOf(structuredClone({ ...graph, vocabulary: undefined }))).toBe(BUILT_IN_VOCABULARY);
    expect(vocabularyOf({ vocabulary: graph.vocabulary })).toBe(vocabulary);
    expect(vocabulary.sectorTypes).toEqual([...SECTOR_TYPES, 'water-board']);
    expect(vocabulary.sectors['water-board'].tier).toBe(4);
    expect(vocabulary.relations.advises).toMatchObject({ kind: 'influence', flow: 'up' });
    expect(vocabularyOf(BUILTIN_MODELS.domestic)).toBe(BUILT_IN_VOCABULARY);
  });
});

describe('tracing through relations a model declares', () => {
  const graph = ownVocabularyGraph();

  it('follows an accountability relation of its own', () => {
    const [chain] = traceUpstream(graph, 'village');
    expect(chain.actors).toEqual(['village', 'board', 'county-gov']);
    expect(chainSentence(graph, chain, 'en')).toBe('Village Committee → Irrigation Water Board → County Government');
    expect(linkSentences(graph, chain, 'zh')).toEqual(['灌区水务协会 主导 村委会', '县政府 督查 灌区水务协会']);
  });

  it('follows an influence relation of its own only when asked, in its direction', () => {
    expect(traceUpstream(graph, 'expert')).toEqual([]);
    expect(traceUpstream(graph, 'expert', { influence: true }).map((chain) => chain.actors)).toEqual([['expert', 'board', 'county-gov']]);
  });
});

describe('drawing sectors and relations a model declares', () => {
  const graph = ownVocabularyGraph();
  const colours = THEME_COLOURS.light;
  const elements = toElements(graph, { lang: 'en', measure: measure(), fontSize: 16 });
  const rules = rulesOf(colours, vocabularyOf(graph));
  const data = (id: string) => elements.find((element) => element.data.id === id)!.data as Drawn['data'] & Record<string, unknown>;

  it('every named colour of the palette carries a label legibly', () => {
    for (const [name, { colour, ink }] of Object.entries(COLOURS)) expect(contrast(colour, ink), name).toBeGreaterThanOrEqual(4.5);
  });

  it('gives their actors the named colour and shape, with a legible label', () => {
    const look = lookOf(rules, { group: 'node', data: data('board') });
    expect(look).toMatchObject({ fill: COLOURS.orange.colour, shape: 'hexagon' });
    expect(contrast(look.fill!, look.ink!)).toBeGreaterThanOrEqual(4.5);
  });

  it('gives their relations the named line and arrowhead; influence lighter, drawn from below at its source', () => {
    expect(lookOf(rules, { group: 'edge', data: data('gov-inspects-board') })).toMatchObject({ line: 'dashed', targetArrow: 'vee', sourceArrow: 'none', colour: colours.edge });
    expect(lookOf(rules, { group: 'edge', data: data('expert-advises-board') })).toMatchObject({ line: 'dotted', sourceArrow: 'circle', targetArrow: 'none', colour: colours.edgeSoft });
    // stored top-down for the layout: the board above the hydrologists who advise it
    expect(data('expert-advises-board')).toMatchObject({ source: 'board', target: 'expert', reversed: true, kind: 'influence' });
  });

  it('draws in Cytoscape as the table of looks says', () => {
    const cy = cytoscape({ headless: true, styleEnabled: true, style: stylesheet(colours, { reducedMotion: true, vocabulary: vocabularyOf(graph) }), elements: structuredClone(elements) });
    expect(cy.getElementById('board').style('shape')).toBe('hexagon');
    expect(cy.getElementById('board').style('background-color')).toBe('rgb(238,136,102)');
    expect(cy.getElementById('gov-inspects-board').style('line-style')).toBe('dashed');
    expect(cy.getElementById('gov-inspects-board').style('target-arrow-shape')).toBe('vee');
    cy.destroy();
  });

  it('the scene, legend and exports name them, after the built-in sectors and relations', () => {
    const shown = scene(graph, { filtered: new Set(), stepShown: null, stepEmphasis: [], focused: null, marked: [], highlight: null }, { lang: 'en', layout: 'hierarchy', colours, measure });
    expect(shown.look('board').fill).toBe(COLOURS.orange.colour);
    expect(shown.swatch({ relation: 'advises' })).toMatchObject({ line: 'dotted', colour: colours.edgeSoft });
    expect(legendIn(vocabularyOf(graph), selectView(graph))).toEqual({ sectors: ['government', 'market', 'society', 'water-board'], relations: ['directs', 'inspects', 'advises'], inferred: false });
    const frame = exportFrame(graph, { lang: 'zh', hidden: new Set(), title: true, legend: true, source: true });
    expect(frame.legend!.sectors.map((entry) => entry.name)).toContain('水务协会');
    expect(frame.legend!.relations.map((entry) => entry.name)).toEqual(['主导', '督查', '咨询']);
  });

  it('places their actors in the row they declare', () => {
    expect(data('board').tier).toBe(4);
    const positions = bandPositions(elements.filter((element) => element.data.source === undefined).map(({ data: actor }) => ({ ...(actor as never as { id: string; sector: string; tier: number; width: number; height: number }), x: 0 })));
    // water boards (row 4) between the government (row 1) and society (row 5)
    expect(positions.get('county-gov')!.y).toBeLessThan(positions.get('board')!.y);
    expect(positions.get('board')!.y).toBeLessThan(positions.get('village')!.y);
  });

  it('are counted when two models are compared, as absent from the other', () => {
    const summary = compareModels(graph, BUILTIN_MODELS.foreign);
    expect(summary.left.bySector['water-board']).toBe(1);
    expect(summary.right.bySector['water-board']).toBe(0);
    expect(summary.onlyLeft.relations).toEqual(expect.arrayContaining(['inspects', 'advises']));
  });
});

describe('declaring sectors and relations in sheets', () => {
  const sheet = (name: string, text: string): SheetFile => ({ name, text });
  const actors = sheet('actors.csv', '编号,中文名,英文名,类型\ncounty-gov,县政府,County Government,government\nboard,灌区水务协会,Irrigation Water Board,水务协会\nvillage,村委会,Village Committee,society\n');
  const relations = sheet('relations.csv', '起点,终点,关系\ncounty-gov,board,督查\nboard,village,directs\n');
  const sectors = (colour: string) => sheet('sectors.csv', `编号,中文名,英文名,颜色,形状,层次\nwater-board,水务协会,Water boards,${colour},hexagon,4\n`);
  const kinds = (kind: string) => sheet('relation-kinds.csv', `编号,中文动词,英文动词,类别,方向,线型,箭头\ninspects,督查,inspects,${kind},向下,long-dashed,vee\n`);

  it('reads the sectors and relation kinds sheets, in Chinese, and lets the other sheets name them in either language', () => {
    const { graph, problems } = importSheets({ actors, relations, sectors: sectors('orange'), relationKinds: kinds('问责') });
    expect(problems).toEqual([]);
    expect(graph!.vocabulary).toEqual({
      sectors: [{ id: 'water-board', name: { zh: '水务协会', en: 'Water boards' }, colour: 'orange', shape: 'hexagon', tier: 4 }],
      relations: [{ id: 'inspects', verb: { zh: '督查', en: 'inspects' }, kind: 'accountability', flow: 'down', line: 'long-dashed', arrow: 'vee' }],
    });
    expect(graph!.nodes[1].sector).toBe('water-board');
    expect(traceUpstream(graph!, 'village')[0].actors).toEqual(['village', 'board', 'county-gov']);
  });

  it("reads the template's sectors and relation kinds sheets beside its other sheets, and its actors and relations may use them", () => {
    const template = (name: string) => sheet(`${name}.csv`, readFileSync(`public/templates/${name}.csv`, 'utf8'));
    const edited = sheet('relations.csv', template('relations').text.replace('village-committee,township-gov,assists', 'village-committee,township-gov,协助'));
    const { graph, problems } = importSheets({ actors: template('actors'), relations: edited, sectors: template('sectors'), relationKinds: template('relation-kinds') });
    expect(problems).toEqual([]);
    const assists = graph!.edges.find((edge) => edge.source === 'village-committee')!;
    expect(assists.relation).toBe('assists');
    expect(graph!.nodes.find((actor) => actor.id === 'village-committee')!.sector).toBe('grassroots');
    expect(vocabularyOf(graph!).relations.assists).toMatchObject({ kind: 'influence', flow: 'up', look: { line: 'short-dashed', arrow: 'circle' } });
    expect(vocabularyOf(graph!).sectors.grassroots.tier).toBe(5);
  });

  it('places a mistake in a declaration at its sheet, row and column', () => {
    const { problems } = importSheets({ actors, relations, sectors: sectors('orang'), relationKinds: kinds('问则') });
    expect(problems.map((problem) => problem.path)).toEqual(['sectors.csv row 2, column 颜色', 'relation-kinds.csv row 2, column 类别']);
    expect(problems[0].message).toContain('Did you mean "orange"?');
    expect(problems[1].message).toContain('accountability');
  });

  it('speaks of columns, not JSON fields, in both languages', () => {
    const noEnglish = sheet('actors.csv', 'id,zh,en,sector\ncounty-gov,县政府,,government\n');
    for (const lang of ['en', 'zh'] as const) {
      const { problems } = importSheets({ actors: noEnglish, relations: sheet('relations.csv', 'source,target,relation\ncounty-gov,county-gov,leads\n') }, { lang });
      expect(problems[0].path).toBe(lang === 'en' ? 'actors.csv row 2, column en' : 'actors.csv 第 2 行 “en”列');
      expect(problems[0].message).not.toContain('"en": "…"');
      expect(problems[0].message).toContain(lang === 'en' ? 'fill in the column en' : '请填写 en 列');
    }
    const inferred = importSheets({ actors, relations: sheet('relations.csv', 'source,target,relation,basis\ncounty-gov,village,leads,解读\n'), sectors: sectors('orange') });
    expect(inferred.problems.map((problem) => problem.path)).toEqual(['relations.csv row 2, column note']);
    expect(inferred.problems[0].message).toContain('say in the column note what the reading rests on');
  });
});
