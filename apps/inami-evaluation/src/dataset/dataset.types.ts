// The INAMI evaluation dataset v1 (schemas/partners/inami/evaluation-dataset.v1.schema.json), as
// the builder produces it. Property order follows the schema: the XML binding writes it.

/** A number of people, hidden when it is a small cell. */
export type Cell = { count: number; suppressed: false } | { suppressed: true };

/** The themes counted per quarter (regional ones per service). */
export type QuarterCellTheme =
  | 'completedQuestionnairesReceived'
  | 'positiveEngagementDeclarationsSigned'
  | 'questionnairesSent'
  | 'questionnairesReceived'
  | 'category1'
  | 'category2'
  | 'category3'
  | 'category4'
  | 'referrals:actiris'
  | 'referrals:vdab'
  | 'referrals:forem'
  | 'referrals:adg'
  | 'registrations:actiris'
  | 'registrations:vdab'
  | 'registrations:forem'
  | 'registrations:adg'
  | 'engagementDeclarationsSigned'
  | 'plansDrafted'
  | 'partTimeResumptions'
  | 'cpmtReintegrationTrajectoriesStarted'
  | 'decisionA'
  | 'decisionB'
  | 'decisionC';

/** Every theme, in the order of the dataset (the cost-sharing key first, then the barometer). */
export const QUARTER_CELL_THEMES = [
  'completedQuestionnairesReceived',
  'positiveEngagementDeclarationsSigned',
  'questionnairesSent',
  'questionnairesReceived',
  'category1',
  'category2',
  'category3',
  'category4',
  'referrals:actiris',
  'registrations:actiris',
  'referrals:vdab',
  'registrations:vdab',
  'referrals:forem',
  'registrations:forem',
  'referrals:adg',
  'registrations:adg',
  'engagementDeclarationsSigned',
  'plansDrafted',
  'partTimeResumptions',
  'cpmtReintegrationTrajectoriesStarted',
  'decisionA',
  'decisionB',
  'decisionC',
] as const satisfies readonly QuarterCellTheme[];

// Fails to compile when a theme is added to the type and not to the list.
const everyThemeListed: Exclude<
  QuarterCellTheme,
  (typeof QUARTER_CELL_THEMES)[number]
> extends never
  ? true
  : never = true;
void everyThemeListed;

/** A quarter of the dataset's year, 1 to 4. */
export type Quarter = 1 | 2 | 3 | 4;

/** One cell a trajectory counts in: a theme in a quarter (a person counts once per cell). */
export type CellKey = `${QuarterCellTheme}@${Quarter}`;

export type AgeBand =
  'under-25' | '25-34' | '35-44' | '45-54' | '55-64' | '65-and-over' | 'unknown';
export type Region = 'brussels' | 'flanders' | 'wallonia' | 'german-speaking-community' | 'unknown';
export type DeadlineStatus = 'met' | 'missed' | 'open' | 'cancelled';
export type Outcome =
  'work-resumed' | 'not-feasible' | 'stopped-by-insured' | 'incapacity-ended' | 'other' | 'open';

/** Calendar days between the steps that happened. */
export interface TrajectoryDurations {
  incapacityToQuestionnaireSent?: number;
  questionnaireSentToReceived?: number;
  incapacityToCategorisation?: number;
  incapacityToFirstContact?: number;
  firstContactToReferral?: number;
  referralToRegistration?: number;
  incapacityToEngagementDeclaration?: number;
  engagementDeclarationToPlan?: number;
  incapacityToWorkResumption?: number;
  incapacityToClosure?: number;
}

/** One pseudonymised trajectory of the study part. */
export interface TrajectoryRecord {
  pseudonym: string;
  ageBand: AgeBand;
  sex: 'M' | 'F' | 'X' | 'unknown';
  region: Region;
  scheme: 'salaried' | 'unemployed' | 'self-employed' | 'helping-spouse' | 'unknown';
  contractType: 'employment-contract' | 'no-employment-contract' | 'unknown';
  category?: 1 | 2 | 3 | 4;
  route?: 'A' | 'B';
  durations?: TrajectoryDurations;
  deadline?: Array<{ rule: string; status: DeadlineStatus }>;
  workResumption?: 'partial' | 'full';
  outcome: Outcome;
  /** After a work resumption: whether a new incapacity began within 12 months (ADR 0069). */
  relapseWithin12Months?: Relapse;
}

/** `not-yet-observable` while 12 months have not passed since the resumption at the build. */
export type Relapse = 'yes' | 'no' | 'not-yet-observable';

/** What is inconsistent in a trajectory's events. */
export type FindingCode =
  'OPENING_MISSING' | 'STEP_OUT_OF_ORDER' | 'REFERRAL_UNKNOWN' | 'DATE_MISSING';

/** One inconsistency, listed in the reconciliation part; the trajectory is still counted. */
export interface Finding {
  pseudonym: string;
  code: FindingCode;
  eventType?: string;
}

export interface CostSharingQuarter {
  quarter: Quarter;
  completedQuestionnairesReceived: Cell;
  positiveEngagementDeclarationsSigned: Cell;
}

export interface BarometerQuarter {
  quarter: Quarter;
  questionnairesSent: Cell;
  questionnairesReceived: Cell;
  categorisation: { category1: Cell; category2: Cell; category3: Cell; category4: Cell };
  regionalService: Array<{ service: RegionalServiceCode; referrals: Cell; registrations: Cell }>;
  engagementDeclarationsSigned: Cell;
  plansDrafted: Cell;
  partTimeResumptions: Cell;
  cpmtReintegrationTrajectoriesStarted: Cell;
  cpmtDecisions: { decisionA: Cell; decisionB: Cell; decisionC: Cell };
}

export type RegionalServiceCode = 'actiris' | 'vdab' | 'forem' | 'adg';

/** The regional services in the order the dataset lists them. */
export const REGIONAL_SERVICE_CODES: readonly RegionalServiceCode[] = [
  'actiris',
  'vdab',
  'forem',
  'adg',
];

/** What the dataset says about one insurer and year, apart from the trajectory records. */
export interface DatasetHeader {
  insurer: string;
  year: number;
  generatedAt: string;
  smallCellThreshold: number;
}

/** The parts known only once every trajectory is read. */
export interface DatasetSummary {
  costSharingKey: { quarter: CostSharingQuarter[] };
  barometer: { quarter: BarometerQuarter[] };
  reconciliation: { trajectoriesCounted: number; finding?: Finding[] };
}

/** A whole dataset (as a document; the builder streams it instead of holding it). */
export type EvaluationDataset = DatasetHeader & {
  trajectory?: TrajectoryRecord[];
} & DatasetSummary;

/** The stored events and deadlines of one dossier, in version order. */
export interface DossierHistory {
  dossierId: string;
  events: ReadonlyArray<{
    /** The event's id (its publisher's), for the reconciliation report; absent in older callers. */
    eventId?: string;
    type: string;
    occurredAt: Date;
    data: Record<string, unknown>;
  }>;
  deadlines: ReadonlyArray<{ ruleId: string; status: DeadlineStatus }>;
  /**
   * The first day of the person's next incapacity at this insurer (a later dossier opened for the
   * same person), `YYYY-MM-DD`; absent when there is none. Read for the relapse item (ADR 0069).
   */
  nextIncapacityStart?: string;
}
