import { addMonths, ageBand, daysBetween, quarterOf, regionOf } from './dataset.calendar';
import type {
  CellKey,
  DossierHistory,
  Finding,
  FindingCode,
  Quarter,
  QuarterCellTheme,
  RegionalServiceCode,
  Relapse,
  TrajectoryDurations,
  TrajectoryRecord,
} from './dataset.types';

/** What one dossier contributes to a year's dataset. */
export interface FoldedTrajectory {
  /** False when no counted action of the dossier falls in the year: it is left out entirely. */
  inYear: boolean;
  record: TrajectoryRecord;
  /** The cells the person counts in, each once. */
  cells: CellKey[];
  /** For each cell, the ids of the events that counted the person there (the reconciliation). */
  evidence: Array<{ cell: CellKey; eventIds: string[] }>;
  findings: Finding[];
}

type Data = Record<string, unknown>;

/** Legal clocks that are about the hub's own data, not about the trajectory. */
const NOT_TRAJECTORY_RULES = new Set(['retention-dossier-data']);

/** The date field that dates each counted action, per short event type. */
const ACTION_DATE: Readonly<Record<string, string>> = {
  'questionnaire.sent': 'sentOn',
  'questionnaire.returned': 'receivedOn',
  'capacity.assessed': 'assessedOn',
  'coordinator.referred': 'referredOn',
  'routeb.decided': 'decidedOn',
  'contact.held': 'heldOn',
  'regional.referral.requested': 'requestedOn',
  'cpmt.referral.requested': 'requestedOn',
  'regional.registration.acknowledged': 'acknowledgedOn',
  'ami.launched': 'launchedOn',
  'plan.drafted': 'draftedOn',
  'work.resumed': 'resumedOn',
  'cpmt.trajectory.started': 'startedOn',
  'cpmt.assessment.decided': 'decidedOn',
  'trajectory.closed': 'closedOn',
};

/**
 * Every stored event type the fold reads (with and without the `be.rtw.` prefix it strips): the
 * reader asks the event store for these only, since the fold passes over every other type.
 */
export const FOLDED_EVENT_TYPES: readonly string[] = [
  'dossier.opened',
  ...Object.keys(ACTION_DATE),
].flatMap((type) => [`be.rtw.${type}`, type]);

const SERVICES = new Set<string>(['actiris', 'vdab', 'forem', 'adg']);

/** The steps whose dates make the durations. */
interface Steps {
  incapacityStart?: string;
  questionnaireSent?: string;
  questionnaireReceived?: string;
  categorisation?: string;
  firstContact?: string;
  referral?: string;
  regionalReferral?: string;
  registration?: string;
  engagementDeclaration?: string;
  plan?: string;
  workResumption?: string;
  closure?: string;
}

const BRUSSELS_DATE = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Brussels' });

/** What the folding of one dossier accumulates. */
class Fold {
  readonly cells = new Set<CellKey>();
  readonly evidence = new Map<CellKey, string[]>();
  readonly findings = new Map<string, Finding>();
  readonly steps: Steps = {};
  readonly referralServices = new Map<string, RegionalServiceCode>();
  readonly record: TrajectoryRecord;
  referralType = 'regional.referral.requested';
  inYear = false;
  opened = false;
  /** The quarter of the action being folded, undefined when it is in another year. */
  quarter: Quarter | undefined;
  /** The id of the event being folded, when the history carries ids. */
  eventId: string | undefined;

  constructor(
    readonly year: number,
    readonly pseudonym: string,
  ) {
    this.record = {
      pseudonym,
      ageBand: 'unknown',
      sex: 'unknown',
      region: 'unknown',
      scheme: 'unknown',
      contractType: 'unknown',
      outcome: 'open',
    };
  }

  /** Counts the person in a theme, in the quarter of the current action. */
  count(theme: QuarterCellTheme, quarter = this.quarter): void {
    if (quarter === undefined) return;
    const cell: CellKey = `${theme}@${quarter}`;
    this.cells.add(cell);
    let eventIds = this.evidence.get(cell);
    if (eventIds === undefined) this.evidence.set(cell, (eventIds = []));
    if (this.eventId !== undefined && !eventIds.includes(this.eventId)) eventIds.push(this.eventId);
    this.inYear = true;
  }

  find(code: FindingCode, eventType?: string): void {
    this.findings.set(`${code}:${eventType ?? ''}`, {
      pseudonym: this.pseudonym,
      code,
      ...(eventType ? { eventType } : {}),
    });
  }

  /** Keeps the date of a step's first occurrence. */
  first(step: keyof Steps, date: string): void {
    this.steps[step] ??= date;
  }
}

/** What each counted action does to the fold, given its data and its date. */
type ActionHandler = (fold: Fold, data: Data, date: string) => void;

const ACTIONS: Readonly<Record<string, ActionHandler>> = {
  'questionnaire.sent': (fold, _data, date) => {
    fold.count('questionnairesSent');
    fold.first('questionnaireSent', date);
  },
  'questionnaire.returned': (fold, data, date) => {
    fold.count('questionnairesReceived');
    if (data['complete'] === true) fold.count('completedQuestionnairesReceived');
    fold.first('questionnaireReceived', date);
  },
  'capacity.assessed': (fold, data, date) => {
    const category = data['category'];
    if (category === 1 || category === 2 || category === 3 || category === 4) {
      fold.count(`category${category}`);
      fold.record.category = category;
    }
    fold.first('categorisation', date);
  },
  'coordinator.referred': (fold) => {
    fold.record.route ??= 'A';
  },
  'routeb.decided': (fold, data) => {
    if (data['decision'] === 'accepted') fold.record.route = 'B';
  },
  'contact.held': (fold, _data, date) => fold.first('firstContact', date),
  'regional.referral.requested': (fold, data, date) => {
    const service = data['service'];
    if (typeof service === 'string' && SERVICES.has(service)) {
      const code = service as RegionalServiceCode;
      fold.count(`referrals:${code}`);
      if (typeof data['referralId'] === 'string')
        fold.referralServices.set(data['referralId'], code);
    }
    if (fold.steps.referral === undefined) fold.referralType = 'regional.referral.requested';
    fold.first('referral', date);
    fold.first('regionalReferral', date);
  },
  'cpmt.referral.requested': (fold, _data, date) => {
    if (fold.steps.referral === undefined) fold.referralType = 'cpmt.referral.requested';
    fold.first('referral', date);
  },
  'regional.registration.acknowledged': (fold, data, date) => {
    const service = fold.referralServices.get(String(data['referralId']));
    if (service) fold.count(`registrations:${service}`);
    else fold.find('REFERRAL_UNKNOWN', 'regional.registration.acknowledged');
    fold.first('registration', date);
  },
  'ami.launched': (fold, data, date) => {
    // Counted when all three parties signed: in the quarter of the last signature.
    const signed = declarationSignedOn(data) ?? date;
    const quarter = quarterOf(signed, fold.year);
    fold.count('positiveEngagementDeclarationsSigned', quarter);
    fold.count('engagementDeclarationsSigned', quarter);
    fold.first('engagementDeclaration', signed);
  },
  'plan.drafted': (fold, _data, date) => {
    fold.count('plansDrafted');
    fold.first('plan', date);
  },
  'work.resumed': (fold, data, date) => {
    if (data['extent'] === 'partial') fold.count('partTimeResumptions');
    const extent = data['extent'];
    if (fold.steps.workResumption === undefined && (extent === 'partial' || extent === 'full')) {
      fold.record.workResumption = extent;
    }
    fold.first('workResumption', date);
  },
  'cpmt.trajectory.started': (fold) => fold.count('cpmtReintegrationTrajectoriesStarted'),
  'cpmt.assessment.decided': (fold, data) => {
    const decision = data['decision'];
    if (decision === 'A' || decision === 'B' || decision === 'C') fold.count(`decision${decision}`);
  },
  'trajectory.closed': (fold, data, date) => {
    fold.record.outcome = outcomeOf(data['outcome']);
    fold.first('closure', date);
  },
};

/**
 * Folds one dossier's stored events into its dataset contribution, a pure function of the history,
 * the year and its pseudonym. Inconsistent events are counted where they can be and reported as
 * findings, never dropped: a missing opening leaves the person's attributes unknown, a step dated
 * before the step it follows loses that duration, an action without its date is dated by the
 * event's time (in Brussels).
 */
export function foldTrajectory(
  history: DossierHistory,
  context: {
    year: number;
    pseudonym: string;
    /** The build's date in Brussels, `YYYY-MM-DD`: what can be observed is observed by then. */
    asOf?: string;
  },
): FoldedTrajectory {
  const fold = new Fold(context.year, context.pseudonym);
  for (const event of history.events) {
    const type = event.type.replace(/^be\.rtw\./, '');
    if (type === 'dossier.opened') {
      fold.opened = true;
      describePerson(fold.record, event.data);
      fold.steps.incapacityStart = stringAt(event.data, 'incapacity', 'startDate');
      continue;
    }
    const dateField = ACTION_DATE[type];
    const handler = ACTIONS[type];
    if (dateField === undefined || handler === undefined) continue;
    let date = stringAt(event.data, dateField);
    if (date === undefined) {
      fold.find('DATE_MISSING', type);
      date = BRUSSELS_DATE.format(event.occurredAt);
    }
    fold.quarter = quarterOf(date, fold.year);
    fold.eventId = event.eventId;
    // An action of the year puts the trajectory in the year, even one that fills no cell.
    if (fold.quarter !== undefined) fold.inYear = true;
    handler(fold, event.data, date);
  }
  const relapse = relapseOf(fold.steps.workResumption, history.nextIncapacityStart, context.asOf);
  if (relapse !== undefined) fold.record.relapseWithin12Months = relapse;
  return finish(fold, history.deadlines);
}

/**
 * Whether a new incapacity began within 12 months after the first work resumption (ADR 0069):
 * `yes` when the person's next dossier at this insurer started in that window, `no` once the
 * window has passed at the build without one, `not-yet-observable` before. Undefined without a
 * resumption (nothing to relapse from) or without a build date.
 */
export function relapseOf(
  resumedOn: string | undefined,
  nextIncapacityStart: string | undefined,
  asOf: string | undefined,
): Relapse | undefined {
  if (resumedOn === undefined || asOf === undefined) return undefined;
  const windowEnd = addMonths(resumedOn, 12);
  if (nextIncapacityStart !== undefined && nextIncapacityStart > resumedOn)
    if (nextIncapacityStart <= windowEnd) return 'yes';
  return asOf > windowEnd ? 'no' : 'not-yet-observable';
}

function finish(fold: Fold, deadlines: DossierHistory['deadlines']): FoldedTrajectory {
  if (!fold.opened) fold.find('OPENING_MISSING');
  const durations = durationsOf(fold.steps, fold.referralType, (eventType) =>
    fold.find('STEP_OUT_OF_ORDER', eventType),
  );
  if (Object.keys(durations).length > 0) fold.record.durations = durations;
  const kept = deadlines
    .filter((deadline) => !NOT_TRAJECTORY_RULES.has(deadline.ruleId))
    .map((deadline) => ({ rule: deadline.ruleId, status: deadline.status }));
  if (kept.length > 0) fold.record.deadline = kept;
  return {
    inYear: fold.inYear,
    record: fold.record,
    cells: [...fold.cells],
    evidence: [...fold.evidence].map(([cell, eventIds]) => ({ cell, eventIds })),
    findings: [...fold.findings.values()],
  };
}

function describePerson(record: TrajectoryRecord, data: Data): void {
  const insured = (data['insured'] ?? {}) as Data;
  const sex = insured['sex'];
  if (sex === 'M' || sex === 'F' || sex === 'X') record.sex = sex;
  record.ageBand = ageBand(
    typeof insured['birthDate'] === 'string' ? insured['birthDate'] : undefined,
    stringAt(data, 'incapacity', 'startDate'),
  );
  record.region = regionOf(insured['residence'] as { postalCode?: string; nisCode?: string });
  const scheme = data['scheme'];
  if (
    scheme === 'salaried' ||
    scheme === 'unemployed' ||
    scheme === 'self-employed' ||
    scheme === 'helping-spouse'
  ) {
    record.scheme = scheme;
  }
  const hasContract = (data['employment'] as Data | undefined)?.['hasContract'];
  if (typeof hasContract === 'boolean') {
    record.contractType = hasContract ? 'employment-contract' : 'no-employment-contract';
  }
}

/** The date of the last of the three signatures, when all three parties signed. */
function declarationSignedOn(data: Data): string | undefined {
  const declaration = data['engagementDeclaration'] as Data | undefined;
  const dates = ['coordinatorSignedOn', 'medicalAdvisorSignedOn', 'insuredSignedOn'].map(
    (key) => declaration?.[key],
  );
  if (!dates.every((date): date is string => typeof date === 'string')) return undefined;
  return dates.sort().at(-1);
}

function outcomeOf(value: unknown): TrajectoryRecord['outcome'] {
  switch (value) {
    case 'work-resumed':
    case 'not-feasible':
    case 'stopped-by-insured':
    case 'incapacity-ended':
    case 'other':
      return value;
    default:
      return 'other';
  }
}

/** The durations between the steps that happened; a negative one is reported, not kept. */
function durationsOf(
  steps: Steps,
  referralType: string,
  outOfOrder: (eventType: string) => void,
): TrajectoryDurations {
  const spans: Array<[keyof TrajectoryDurations, keyof Steps, keyof Steps, string]> = [
    ['incapacityToQuestionnaireSent', 'incapacityStart', 'questionnaireSent', 'questionnaire.sent'],
    [
      'questionnaireSentToReceived',
      'questionnaireSent',
      'questionnaireReceived',
      'questionnaire.returned',
    ],
    ['incapacityToCategorisation', 'incapacityStart', 'categorisation', 'capacity.assessed'],
    ['incapacityToFirstContact', 'incapacityStart', 'firstContact', 'contact.held'],
    ['firstContactToReferral', 'firstContact', 'referral', referralType],
    [
      'referralToRegistration',
      'regionalReferral',
      'registration',
      'regional.registration.acknowledged',
    ],
    [
      'incapacityToEngagementDeclaration',
      'incapacityStart',
      'engagementDeclaration',
      'ami.launched',
    ],
    ['engagementDeclarationToPlan', 'engagementDeclaration', 'plan', 'plan.drafted'],
    ['incapacityToWorkResumption', 'incapacityStart', 'workResumption', 'work.resumed'],
    ['incapacityToClosure', 'incapacityStart', 'closure', 'trajectory.closed'],
  ];
  const durations: TrajectoryDurations = {};
  for (const [name, from, to, eventType] of spans) {
    const start = steps[from];
    const end = steps[to];
    if (start === undefined || end === undefined) continue;
    const days = daysBetween(start, end);
    if (days >= 0) durations[name] = days;
    else outOfOrder(eventType);
  }
  return durations;
}

/** A string nested in `data`, or undefined. */
function stringAt(data: Data, ...path: string[]): string | undefined {
  let value: unknown = data;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Data)[key];
  }
  return typeof value === 'string' ? value : undefined;
}
