import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeSheet, defaultId, importSheets, type SheetFile } from '../../src/model/sheets.js';

const template = (name: string): SheetFile => ({ name: `${name}.csv`, text: readFileSync(`public/templates/${name}.csv`, 'utf8') });

const ACTORS = 'id,zh,en,sector,level\nparty,市委,Party Committee,party,city\ngov,市政府,Government,government,city\ndept,水务局,Water Bureau,department,city\n';
const sheet = (name: string, text: string): SheetFile => ({ name, text });

describe('importing spreadsheets', () => {
  it('turns the downloadable template, with its view and steps, into a valid model', () => {
    const { graph, problems } = importSheets(
      { actors: template('actors'), relations: template('relations'), views: template('views'), steps: template('steps'), sectors: template('sectors'), relationKinds: template('relation-kinds') },
      { id: 'county-flood' },
    );
    expect(problems).toEqual([]);
    expect(graph!.id).toBe('county-flood');
    expect(graph!.nodes.map((actor) => actor.level)).toContain('township');
    // the template uses what it declares: the villagers' committees are grassroots self-government, and assist
    expect(graph!.nodes.find((actor) => actor.id === 'village-committee')).toMatchObject({ level: 'village', sector: 'grassroots' });
    expect(graph!.edges.find((edge) => edge.source === 'village-committee')).toMatchObject({
      id: 'village-committee-assists-township-gov',
      relation: 'assists',
      evidence: [{ quote: '村民委员会协助乡镇人民政府做好群众转移' }],
    });
    const leads = graph!.edges.find((edge) => edge.source === 'county-party')!;
    expect(leads).toMatchObject({ id: 'county-party-leads-county-gov', target: 'county-gov', relation: 'leads', evidence: [{ quote: '在县委统一领导下,县人民政府负责全县防汛工作' }] });
    expect(graph!.edges.find((edge) => edge.source === 'volunteers')).toMatchObject({ basis: 'inferred', note: expect.stringContaining('reading') });
    expect(graph!.views![0].steps!.map((step) => step.actors)).toEqual([['county-party', 'county-gov'], ['flood-hq'], ['water-bureau', 'emergency-bureau', 'township-gov']]);
  });

  it('reads sheets saved by Excel with a BOM, CRLF line ends and semicolons', () => {
    const actors = `\uFEFF${ACTORS.replaceAll(',', ';').replaceAll('\n', '\r\n')}`;
    const relations = '\uFEFFsource;target;relation;quote\r\nparty;gov;leads;"市委领导; 市政府"\r\ngov;dept;directs;\r\n';
    const { graph, problems } = importSheets({ actors: sheet('actors.csv', actors), relations: sheet('relations.csv', relations) });
    expect(problems).toEqual([]);
    expect(graph!.nodes.map((actor) => actor.id)).toEqual(['party', 'gov', 'dept']);
    expect(graph!.edges[0].evidence).toEqual([{ quote: '市委领导; 市政府' }]);
  });

  it('reads tab-separated sheets', () => {
    const { graph, problems } = importSheets({ actors: sheet('a.tsv', ACTORS.replaceAll(',', '\t')), relations: sheet('r.tsv', 'source\ttarget\trelation\nparty\tgov\tleads\n') });
    expect(problems).toEqual([]);
    expect(graph!.edges).toHaveLength(1);
  });

  it('keeps commas and line breaks inside quoted cells, one quote per line, and counts rows as the spreadsheet shows them', () => {
    const relations = 'source,target,relation,quote\nparty,gov,leads,"第一句,有逗号\n第二句"\ngov,dpet,directs,\n';
    const { problems } = importSheets({ actors: sheet('actors.csv', ACTORS), relations: sheet('relations.csv', relations) });
    // the quoted cell spans two lines of the file, but the relation below it is row 3 of the sheet
    expect(problems).toEqual([{ path: 'relations.csv row 3, column target', message: 'No actor has the id "dpet". Did you mean "dept"?' }]);
    const ok = importSheets({ actors: sheet('actors.csv', ACTORS), relations: sheet('relations.csv', relations.replace('dpet', 'dept')) });
    expect(ok.graph!.edges[0].evidence).toEqual([{ quote: '第一句,有逗号' }, { quote: '第二句' }]);
  });

  it('accepts Chinese headers, and sectors, levels and relations by their Chinese names', () => {
    const actors = '编号,中文名,英文名,类型,层级\nparty,县委,County Party Committee,党的领导机构,县级\ngov,县政府,County Government,政府与国家机关,county\n';
    const relations = '起点,终点,关系,原文,依据,备注\nparty,gov,领导,县委领导县政府,作者解读,背景知识\n';
    const { graph, problems } = importSheets({ actors: sheet('主体.csv', actors), relations: sheet('关系.csv', relations) });
    expect(problems).toEqual([]);
    expect(graph!.nodes[0]).toMatchObject({ sector: 'party', level: 'county' });
    expect(graph!.edges[0]).toMatchObject({ relation: 'leads', basis: 'inferred', note: '背景知识' });
  });

  it('names the file, row and column of every mistake, in the words of the header', () => {
    const actors = 'id,zh,英文名,sector\nparty,市委,Party,partty\nparty,市政府,Government,government\ndept,水务局,,department\n';
    const relations = 'source,target,relation,basis\nparty,dept,leeds,\ndept,dept,directs,\nparty,dept,leads,inferred\n';
    const { graph, problems } = importSheets({ actors: sheet('actors.csv', actors), relations: sheet('relations.csv', relations) });
    expect(graph).toBeUndefined();
    const where = problems.map((problem) => problem.path);
    expect(where).toEqual(
      expect.arrayContaining([
        'actors.csv row 2, column sector',
        'actors.csv row 3, column id',
        'actors.csv row 4, column 英文名',
        'relations.csv row 2, column relation',
        'relations.csv row 3, column target',
        'relations.csv row 4, column note',
      ]),
    );
    expect(problems.find((problem) => problem.path === 'actors.csv row 2, column sector')!.message).toContain('Did you mean "party"?');
    expect(problems.find((problem) => problem.path === 'relations.csv row 2, column relation')!.message).toContain('Did you mean "leads"?');
  });

  it('says which column is missing, and which header was probably meant', () => {
    const { problems } = importSheets({ actors: sheet('actors.csv', 'id,zh,en,sectr\nparty,市委,Party,party\n'), relations: sheet('relations.csv', 'source,target,relation\n') });
    expect(problems).toContainEqual({
      path: 'actors.csv row 1',
      message: 'There is no column "sector". Did you mean "sectr"? The header (row 1) needs a column named one of "sector", "类型", "主体类型".',
    });
    expect(problems).toContainEqual(expect.objectContaining({ path: 'relations.csv', message: expect.stringContaining('nothing else') }));
  });

  it('says where a quoted cell is not closed', () => {
    const { problems } = importSheets({ actors: sheet('actors.csv', ACTORS), relations: sheet('relations.csv', 'source,target,relation,quote\nparty,gov,leads,"unclosed\n') });
    expect(problems[0].path).toBe('relations.csv row 2');
    expect(problems[0].message).toContain('not closed');
  });

  it('reports an empty file and steps of a view that does not exist', () => {
    const empty = importSheets({ actors: sheet('actors.csv', '\uFEFF\r\n'), relations: sheet('relations.csv', 'source,target,relation\nparty,gov,leads\n') });
    expect(empty.problems).toContainEqual({ path: 'actors.csv', message: expect.stringContaining('empty') });
    const steps = importSheets({
      actors: sheet('actors.csv', ACTORS),
      relations: sheet('relations.csv', 'source,target,relation\nparty,gov,leads\n'),
      views: sheet('views.csv', 'id,zh,en,actors\ncity,城市,City,"party, gov、dept"\n'),
      steps: sheet('steps.csv', 'view,zh,en,actors\ncty,第一步,Step one,party\ncity,第二步,Step two,gvo\n'),
    });
    expect(steps.problems).toEqual([
      { path: 'steps.csv row 2, column view', message: 'The views sheet has no view "cty". Did you mean "city"?' },
      { path: 'steps.csv row 3, column actors', message: expect.stringContaining('"gvo" is not an actor of this view') },
    ]);
  });

  it('writes places and its own messages in Chinese when asked', () => {
    const { problems } = importSheets({ actors: sheet('actors.csv', 'id,zh,en,sectr\n'), relations: sheet('relations.csv', 'source,target,relation\nparty,gov,leads\n') }, { lang: 'zh' });
    expect(problems[0]).toEqual({ path: 'actors.csv 第 1 行', message: expect.stringContaining('缺少“sector”列。是否想写 "sectr"?') });
    const checked = importSheets({ actors: sheet('actors.csv', ACTORS), relations: sheet('relations.csv', 'source,target,relation\nparty,dpet,leads\n') }, { lang: 'zh' });
    expect(checked.problems).toEqual([{ path: 'relations.csv 第 2 行 “target”列', message: '没有 id 为 "dpet" 的主体。是否想写 "dept"?' }]);
  });

  it('decodes UTF-8 with or without a BOM, and GB18030 as Excel writes "CSV" on Chinese Windows', () => {
    const utf8 = new TextEncoder().encode('id,zh\nparty,市委\n');
    expect(decodeSheet(utf8)).toBe('id,zh\nparty,市委\n');
    expect(decodeSheet(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]))).toBe('id,zh\nparty,市委\n');
    // 市委 in GB18030
    expect(decodeSheet(new Uint8Array([0x69, 0x64, 0x0a, 0xca, 0xd0, 0xce, 0xaf]))).toBe('id\n市委');
  });

  it('names a model after its actors file', () => {
    expect(defaultId('data/flood-actors.csv')).toBe('flood');
    expect(defaultId('actors.csv')).toBe('my-model');
    expect(defaultId('主体.csv')).toBe('my-model');
  });
});
