/**
 * The graph data format (see `graph-data/schema.json` and `../shared/CONTRACT.md`).
 * Pure types: no DOM, no Cytoscape.
 */
import type { ArrowName, ColourName, DeclaredRelationKind, LineName, ShapeName } from './vocabulary.js';

/** A language a label exists in. */
export type Lang = 'zh' | 'en';

/** How labels are shown: one language, or Chinese with English beneath. */
export type DisplayLang = Lang | 'both';

/** A text in both languages. Every label of the format is bilingual. */
export interface Bilingual {
  zh: string;
  en: string;
}

/** A label: full names for panels, optional short forms for slides. */
export interface Label extends Bilingual {
  /** Short form for the canvas, e.g. `{ zh: '发改', en: 'NDRC' }`. */
  short?: Partial<Bilingual>;
}

/** A passage of the source that supports an actor or a relation. */
export interface Evidence {
  /** Verbatim passage of the source text. */
  quote: string;
  /** Optional explanation of how the quote supports the claim. */
  note?: Bilingual;
}

/**
 * Kinds of actor, each drawn with its own colour and shape: the built-in ones, or one a model
 * declares in its `vocabulary` (see `SectorDeclaration`).
 */
export type Sector =
  | 'party'
  | 'government'
  | 'coordination'
  | 'department'
  | 'market'
  | 'society'
  | 'international'
  | 'policy'
  | 'region'
  | (string & {});

/**
 * Administrative level an actor works at: China's hierarchy (national, provincial, city, county,
 * district, township, village) and other countries' (state, metropolitan, municipal).
 */
export type Level =
  | 'international'
  | 'national'
  | 'state'
  | 'provincial'
  | 'regional'
  | 'metropolitan'
  | 'city'
  | 'municipal'
  | 'county'
  | 'district'
  | 'township'
  | 'village'
  | 'unspecified';

/** Relation ids of the vocabulary (`src/model/vocabulary.ts`), or one a model declares (see `RelationDeclaration`). */
export type RelationType =
  | 'leads'
  | 'directs'
  | 'coordinates'
  | 'takes-lead'
  | 'carries-out'
  | 'supervises'
  | 'establishes'
  | 'requires'
  | 'guides'
  | 'funds'
  | 'buys-services'
  | 'partners'
  | 'participates'
  | 'issues'
  | 'adopts'
  | 'drafts'
  | 'joins'
  | 'folds-into'
  | 'promotes'
  | (string & {});

/** An actor (or a policy, plan or programme) of a governance network. */
export interface Actor {
  id: string;
  label: Label;
  sector: Sector;
  level?: Level;
  /** For policies and plans: the year issued. */
  year?: number;
  /** What the source says about this actor, beyond its relations. */
  description?: Bilingual;
  evidence?: Evidence[];
}

/**
 * Whether the quotes state a relation (`stated`: these actors, this relation, this direction) or
 * it is the model author's reading of them (`inferred`).
 */
export type Basis = 'stated' | 'inferred';

/** A note in both languages, or one text for both (as authors of their own models may write it). */
export type Note = Bilingual | string;

/** A directed relation: `source` <relation> `target`, e.g. party leads government. */
export interface Relation {
  id: string;
  source: string;
  target: string;
  relation: RelationType;
  /** Default `stated`; an `inferred` relation carries a `note` on what the reading rests on. */
  basis?: Basis;
  /** What an inferred relation rests on: which passages it joins, or what background knowledge it adds. */
  note?: Note;
  evidence?: Evidence[];
}

/** One step of a presentation: the actors it brings in, and what it emphasises. */
export interface Step {
  /** What the step says, shown over the graph. */
  caption: Bilingual;
  /** Actors that appear at this step (they stay for the following steps). */
  actors: string[];
  /** Actors to emphasise at this step; default: those it brings in. */
  emphasis?: string[];
}

/** A named, readable subset of a model: the actors it shows (relations between them follow). */
export interface View {
  id: string;
  title: Bilingual;
  actors: string[];
  /** Presentation steps that build the view up, actor by actor; positions never change between steps. */
  steps?: Step[];
}

/** Bibliographic reference of the source a model is drawn from. */
export interface SourceReference {
  title: Bilingual;
  author?: Bilingual;
  publication?: Bilingual;
  url?: string;
}

/**
 * A sector a model adds to the built-in ones: its name in both languages, and its look chosen
 * from the palette's named entries (see `PALETTE_NAMES`).
 */
export interface SectorDeclaration {
  /** Letters, digits, `-` and `_`; not a built-in sector's id. */
  id: string;
  name: Bilingual;
  /** One sentence: which actors belong to it. */
  meaning?: Bilingual;
  colour: ColourName;
  shape: ShapeName;
  /** Row in the picture, 0 (the top, as the Party) to 5 (the bottom, as society); default 3, with the departments. */
  tier?: number;
}

/** A relation a model adds to the built-in ones: its verb in both languages, how traces count it, and its look. */
export interface RelationDeclaration {
  /** Letters, digits, `-` and `_`; not a built-in relation's id. */
  id: string;
  /** The verb, read as `source <verb> target`. */
  verb: Bilingual;
  /** One sentence: what `source <verb> target` means. */
  meaning?: Bilingual;
  /** `accountability`: the lower end answers to the upper one (traces follow it); `influence`: it only shapes what the lower end does. */
  kind: DeclaredRelationKind;
  /** `down` (default): the source stands above the target; `up`: the source stands below it. */
  flow?: 'down' | 'up';
  line: LineName;
  arrow: ArrowName;
}

/** What a model adds to the built-in vocabulary of sectors and relations. */
export interface VocabularyDeclaration {
  sectors?: SectorDeclaration[];
  relations?: RelationDeclaration[];
}

/** A governance network as stored in `graph-data/<id>.json`. */
export interface Graph {
  $schema?: string;
  id: string;
  title: Bilingual;
  description?: Bilingual;
  source?: SourceReference;
  /** Sectors and relations of the model's own, beside the built-in ones. */
  vocabulary?: VocabularyDeclaration;
  nodes: Actor[];
  edges: Relation[];
  views?: View[];
}

/** One thing wrong with a graph: where (a JSON path such as `$.edges[3].target`) and what. */
export interface Problem {
  path: string;
  message: string;
}

/** Where the data format's JSON Schema is published, for the `$schema` of models written by tools. */
export const SCHEMA_URL = 'https://raw.githubusercontent.com/governance-graph/governance-graph/main/graph-data/schema.json';
