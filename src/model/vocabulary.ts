import type { Bilingual, Graph, Level, Relation, RelationType, Sector } from './types.js';

/**
 * Whether a relation makes its lower end answer to its upper end (`accountability`),
 * or only shapes what it does (`influence`), or links a document (`reference`).
 */
export type RelationKind = 'accountability' | 'influence' | 'reference';

/** What a relation type means and how it reads. */
export interface RelationInfo {
  /** The verb, as the source text uses it. */
  verb: Bilingual;
  /** One sentence: what `source <verb> target` means. */
  meaning: Bilingual;
  kind: RelationKind;
  /**
   * `down`: the source stands above the target (the party committee leads the government).
   * `up`: the source stands below (society participates in what the government directs).
   */
  flow: 'down' | 'up';
  /** How a relation the model declares is drawn; built-in relations are drawn from `RELATION_STYLES`. */
  look?: { line: LineName; arrow: ArrowName };
}

/** What a sector means, and where its actors stand. */
export interface SectorInfo {
  name: Bilingual;
  meaning: Bilingual;
  /**
   * Height in the picture, from the top (0): the one sector order every layout follows. Leaders
   * sit above coordination bodies and documents, those above departments, then market, then society.
   */
  tier: number;
  /** How a sector the model declares is drawn; built-in sectors are drawn from `SECTOR_STYLES`. */
  look?: { colour: ColourName; shape: ShapeName };
}

/** The relation vocabulary, drawn from the verbs of the source text. */
export const RELATIONS: Readonly<Record<RelationType, RelationInfo>> = {
  leads: {
    verb: { zh: '领导', en: 'leads' },
    meaning: { zh: '源对目标实行统一领导', en: 'the source exercises overall leadership over the target' },
    kind: 'accountability',
    flow: 'down',
  },
  directs: {
    verb: { zh: '主导', en: 'directs' },
    meaning: { zh: '源主导目标承担的工作', en: 'the source directs the work the target carries out' },
    kind: 'accountability',
    flow: 'down',
  },
  coordinates: {
    verb: { zh: '统筹协调', en: 'coordinates' },
    meaning: { zh: '源统筹、综合协调目标', en: 'the source coordinates the target across departments' },
    kind: 'accountability',
    flow: 'down',
  },
  'takes-lead': {
    verb: { zh: '牵头', en: 'takes the lead for' },
    meaning: {
      zh: '源按职能牵头承担目标部署的工作',
      en: 'the source takes the lead, by its function, in work the target assigns',
    },
    kind: 'accountability',
    flow: 'up',
  },
  'carries-out': {
    verb: { zh: '分工负责', en: 'carries out its share for' },
    meaning: {
      zh: '源在目标的领导或协调下分工负责',
      en: 'the source carries out its share of the work under the target',
    },
    kind: 'accountability',
    flow: 'up',
  },
  supervises: {
    verb: { zh: '监督', en: 'supervises' },
    meaning: { zh: '源监督目标的执行', en: 'the source supervises how the target carries out its work' },
    kind: 'accountability',
    flow: 'down',
  },
  establishes: {
    verb: { zh: '设立', en: 'establishes' },
    meaning: { zh: '源设立目标机构或机制', en: 'the source sets up the target body or mechanism' },
    kind: 'accountability',
    flow: 'down',
  },
  requires: {
    verb: { zh: '要求', en: 'requires' },
    meaning: {
      zh: '源(文件或机构)明确要求目标承担某项工作,或要求建立、健全目标机构',
      en: 'the source, a document or body, makes something binding on the target, or calls for the target body to be set up or improved',
    },
    kind: 'accountability',
    flow: 'down',
  },
  guides: {
    verb: { zh: '引导', en: 'guides' },
    meaning: { zh: '源通过政策、平台引导目标', en: 'the source guides the target through policies and platforms' },
    kind: 'influence',
    flow: 'down',
  },
  funds: {
    verb: { zh: '资金支持/奖励', en: 'funds or rewards' },
    meaning: { zh: '源以资金支持或奖励目标', en: 'the source funds or rewards the target' },
    kind: 'influence',
    flow: 'down',
  },
  'buys-services': {
    verb: { zh: '购买服务', en: 'buys services from' },
    meaning: { zh: '源向目标购买服务', en: 'the source buys services from the target' },
    kind: 'influence',
    flow: 'down',
  },
  partners: {
    verb: { zh: '合作', en: 'partners with' },
    meaning: { zh: '源与目标合作(如公私合营)', en: 'the source and the target work in partnership (e.g. PPP)' },
    kind: 'influence',
    flow: 'down',
  },
  participates: {
    verb: { zh: '参与', en: 'participates in' },
    meaning: { zh: '源参与目标推动的建设', en: 'the source takes part in the effort the target drives' },
    kind: 'influence',
    flow: 'up',
  },
  issues: {
    verb: { zh: '印发', en: 'issues' },
    meaning: { zh: '源印发、发布目标文件', en: 'the source issues the target document' },
    kind: 'reference',
    flow: 'down',
  },
  adopts: {
    verb: { zh: '审议通过', en: 'adopts' },
    meaning: { zh: '源(会议)审议通过目标文件', en: 'the source, a congress or its session, adopts the target document' },
    kind: 'reference',
    flow: 'down',
  },
  drafts: {
    verb: { zh: '制定', en: 'draws up' },
    meaning: { zh: '源制定或组织制定目标文件', en: 'the source draws up, or organises the drafting of, the target document' },
    kind: 'reference',
    flow: 'down',
  },
  joins: {
    verb: { zh: '加入', en: 'joins' },
    meaning: { zh: '源加入目标网络或行动', en: 'the source joins the target network or campaign' },
    kind: 'reference',
    flow: 'up',
  },
  'folds-into': {
    verb: { zh: '融入', en: 'folds into' },
    meaning: { zh: '源(或其韧性实践)融入目标规划', en: 'the source, or its resilience practice, is folded into the target plan' },
    kind: 'reference',
    flow: 'up',
  },
  promotes: {
    verb: { zh: '推动', en: 'promotes' },
    meaning: { zh: '源推动目标试点或建设', en: 'the source runs or promotes the target pilot or programme' },
    kind: 'influence',
    flow: 'down',
  },
};

/** The sectors, top of the hierarchy first. */
export const SECTORS: Readonly<Record<Sector, SectorInfo>> = {
  party: {
    name: { zh: '党的领导机构', en: 'Party leadership' },
    meaning: { zh: '党中央、党委及其委员会', en: 'the CPC Central Committee, Party committees and commissions' },
    tier: 0,
  },
  government: {
    name: { zh: '政府与国家机关', en: 'Government and state organs' },
    meaning: { zh: '各级政府及其办公厅、人大', en: 'governments at each level, their general offices, the NPC' },
    tier: 1,
  },
  coordination: {
    name: { zh: '协调机构', en: 'Coordination bodies' },
    meaning: {
      zh: '领导小组、联席会议、协调机制、韧性办公室',
      en: 'leading groups, joint conferences, coordination mechanisms, resilience offices',
    },
    tier: 2,
  },
  department: {
    name: { zh: '职能部门', en: 'Functional departments' },
    meaning: { zh: '部委与城市主管职能部门', en: 'ministries and city departments' },
    tier: 3,
  },
  market: {
    name: { zh: '市场', en: 'Market' },
    meaning: { zh: '社会资本、国有资本、企业、保险', en: 'social and state capital, enterprises, insurance' },
    tier: 4,
  },
  society: {
    name: { zh: '社会', en: 'Society' },
    meaning: { zh: '社会组织、社会公众、家庭与个人', en: 'social organisations, the public, households and individuals' },
    tier: 5,
  },
  international: {
    name: { zh: '国际网络', en: 'International networks' },
    meaning: { zh: '国际韧性城市网络与行动', en: 'international resilient-city networks and campaigns' },
    tier: 1,
  },
  policy: {
    name: { zh: '政策、规划与试点', en: 'Policies, plans and pilots' },
    meaning: { zh: '文件、规划、试点与专项资金', en: 'documents, plans, pilot programmes and special funds' },
    tier: 2,
  },
  region: {
    name: { zh: '城市与城市群', en: 'Cities and city clusters' },
    meaning: { zh: '文中的城市案例与城市群', en: 'the cities and city clusters the text takes as cases' },
    tier: 1,
  },
};

/**
 * Administrative levels, widest first: China's from national to village, and the levels of
 * federal and local government elsewhere (a state, a metropolitan authority, a municipality).
 */
export const LEVELS: Readonly<Record<Level, Bilingual>> = {
  international: { zh: '国际', en: 'International' },
  national: { zh: '国家', en: 'National' },
  state: { zh: '州(联邦成员)', en: 'State (of a federation)' },
  provincial: { zh: '省级', en: 'Provincial' },
  regional: { zh: '城市群/区域', en: 'Regional (city cluster)' },
  metropolitan: { zh: '都市区', en: 'Metropolitan' },
  city: { zh: '城市', en: 'City' },
  municipal: { zh: '市镇(地方政府)', en: 'Municipal' },
  county: { zh: '县级', en: 'County' },
  district: { zh: '区', en: 'District' },
  township: { zh: '乡镇', en: 'Township' },
  village: { zh: '村', en: 'Village' },
  unspecified: { zh: '未指明', en: 'Not specified' },
};

/** Relation ids, in vocabulary order. */
export const RELATION_TYPES = Object.keys(RELATIONS) as RelationType[];
/** Sector ids, top of the hierarchy first. */
export const SECTOR_TYPES = Object.keys(SECTORS) as Sector[];
/** Level ids, widest first. */
export const LEVEL_TYPES = Object.keys(LEVELS) as Level[];

/**
 * The mark an inferred relation (the author's reading, not stated by its quotes) carries wherever
 * it is shown: on its line, in the legend, in chain sentences and exports. Centred on the line,
 * unlike `*`, and plain text, so it survives greyscale, print and copy-paste.
 */
export const INFERRED_MARK = '∗';

/** The `hide` key, and legend entry, of inferred relations. */
export const INFERRED = 'inferred';

/** Whether a relation is the author's reading rather than stated by its quotes. */
export const isInferred = (relation: Pick<Relation, 'basis'>): boolean => relation.basis === 'inferred';

/**
 * The names a model may choose the look of its own sectors and relations from: colours of Paul
 * Tol's colour-blind-safe "muted" and "light" schemes, actor shapes, line patterns and
 * arrowheads. What each name draws is in `src/render/palette.ts`; a model names, never paints.
 */
export const PALETTE_NAMES = {
  colours: ['wine', 'indigo', 'teal', 'cyan', 'sand', 'green', 'purple', 'pale-grey', 'olive', 'rose', 'orange', 'pink', 'light-blue', 'mint', 'pear'],
  shapes: ['octagon', 'rectangle', 'hexagon', 'round-rectangle', 'barrel', 'ellipse', 'round-tag', 'cut-rectangle', 'concave-hexagon'],
  lines: ['solid', 'dashed', 'long-dashed', 'dash-dot', 'short-dashed', 'dotted'],
  arrows: ['triangle', 'vee', 'tee', 'square', 'circle', 'diamond', 'chevron', 'triangle-tee', 'triangle-backcurve', 'circle-triangle'],
} as const;

/** A colour of the palette, by name. */
export type ColourName = (typeof PALETTE_NAMES.colours)[number];
/** An actor shape of the palette. */
export type ShapeName = (typeof PALETTE_NAMES.shapes)[number];
/** A line pattern of the palette. */
export type LineName = (typeof PALETTE_NAMES.lines)[number];
/** An arrowhead of the palette. */
export type ArrowName = (typeof PALETTE_NAMES.arrows)[number];

/** How a model's own relation counts in traces (documents are linked by built-in relations only). */
export type DeclaredRelationKind = Exclude<RelationKind, 'reference'>;

/** The kinds a model's own relation may have. */
export const DECLARED_KINDS: readonly DeclaredRelationKind[] = ['accountability', 'influence'];

/**
 * The rows a model's own sector may stand in: those of the built-in sectors. Sectors in rows up to
 * `leaders` lead (the Party, governments): the slide layout never draws what they lead above them
 * (see `outranked` in `render/slide-layout.ts`).
 */
export const TIERS = { min: 0, leaders: 1, max: 5, default: 3 } as const;

/**
 * The sectors and relations a graph speaks of, resolved: the built-in ones, then the model's own
 * in the order it declares them. Every painter, legend, trace and layout reads this, never the
 * built-in tables alone, so a model's own sector is drawn, listed and placed like a built-in one.
 */
export interface Vocabulary {
  sectors: Readonly<Record<Sector, SectorInfo>>;
  relations: Readonly<Record<RelationType, RelationInfo>>;
  /** Sector ids, top of the hierarchy first: the built-in order, then the model's own. */
  sectorTypes: readonly Sector[];
  /** Relation ids: the built-in order, then the model's own. */
  relationTypes: readonly RelationType[];
}

/** The vocabulary of a graph that declares nothing of its own. */
export const BUILT_IN_VOCABULARY: Vocabulary = { sectors: SECTORS, relations: RELATIONS, sectorTypes: SECTOR_TYPES, relationTypes: RELATION_TYPES };

/** Vocabularies by declaration: a view or a trace copies the graph but keeps its declaration, so all share one. */
const resolved = new WeakMap<object, Vocabulary>();

/**
 * The vocabulary of a validated graph: the built-in one, extended by what it declares. Made once
 * per declaration, so the same graph always gives the same object (painters cache by it).
 */
export function vocabularyOf(graph: Pick<Graph, 'vocabulary'>): Vocabulary {
  const declared = graph.vocabulary;
  if (!declared || (!declared.sectors?.length && !declared.relations?.length)) return BUILT_IN_VOCABULARY;
  let vocabulary = resolved.get(declared);
  if (vocabulary) return vocabulary;
  const sectors = (declared.sectors ?? []).map((s): [Sector, SectorInfo] => [
    s.id,
    { name: s.name, meaning: s.meaning ?? s.name, tier: s.tier ?? TIERS.default, look: { colour: s.colour, shape: s.shape } },
  ]);
  const relations = (declared.relations ?? []).map((r): [RelationType, RelationInfo] => [
    r.id,
    { verb: r.verb, meaning: r.meaning ?? r.verb, kind: r.kind, flow: r.flow ?? 'down', look: { line: r.line, arrow: r.arrow } },
  ]);
  vocabulary = {
    sectors: { ...SECTORS, ...Object.fromEntries(sectors) },
    relations: { ...RELATIONS, ...Object.fromEntries(relations) },
    sectorTypes: [...SECTOR_TYPES, ...sectors.map(([id]) => id)],
    relationTypes: [...RELATION_TYPES, ...relations.map(([id]) => id)],
  };
  resolved.set(declared, vocabulary);
  return vocabulary;
}

/** Vocabularies shared by two graphs, by the first graph's vocabulary and the second's. */
const shared = new WeakMap<Vocabulary, WeakMap<Vocabulary, Vocabulary>>();

/**
 * The vocabulary of two graphs shown together (the compare view): each one's own sectors and
 * relations, the first graph's declaration of an id winning. Made once per pair, like `vocabularyOf`.
 */
export function sharedVocabulary(left: Pick<Graph, 'vocabulary'> | undefined, right: Pick<Graph, 'vocabulary'> | undefined): Vocabulary {
  const [first, second] = [left, right].map((graph) => (graph ? vocabularyOf(graph) : BUILT_IN_VOCABULARY));
  if (second === BUILT_IN_VOCABULARY || second === first) return first;
  if (first === BUILT_IN_VOCABULARY) return second;
  let byFirst = shared.get(first);
  if (!byFirst) shared.set(first, (byFirst = new WeakMap()));
  let both = byFirst.get(second);
  if (!both) {
    both = {
      sectors: { ...second.sectors, ...first.sectors },
      relations: { ...second.relations, ...first.relations },
      sectorTypes: [...new Set([...first.sectorTypes, ...second.sectorTypes])],
      relationTypes: [...new Set([...first.relationTypes, ...second.relationTypes])],
    };
    byFirst.set(second, both);
  }
  return both;
}
