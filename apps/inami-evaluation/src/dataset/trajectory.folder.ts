import { ageBand, daysBetween, quarterOf, regionOf } from './dataset.calendar';
import type {
  CellKey,
  DossierHistory,
  Finding,
  FindingCode,
  QuarterCellTheme,
  RegionalServiceCode,
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

/**
 * Folds one dossier's stored events into its dataset contribution, a pure function of the history,
 * the year and its pseudonym. Inconsistent events are counted where they can be and reported as
 * findings, never dropped: a missing opening leaves the person's attributes unknown, a step dated
 * before the step it follows loses that duration, an action without its date is dated by the
 * event's time.
 */
export function foldTrajectory(
  history: DossierHistory,
  context: { year: number; pseudonym: string },
): FoldedTrajectory {
  const { year, pseudonym } = context;
  const cells = new Set<CellKey>();
  const findings = new Map<string, Finding>();
  const find = (code: FindingCode, eventType?: string) =>
    findings.set(`${code}:${eventType ?? ''}`, {
      pseudonym,
      code,
      ...(eventType ? { eventType } : {}),
    });
  const steps: Steps = {};
  const first = (step: keyof Steps, date: string) => (steps[step] ??= date);
  const referralServices = new Map<string, RegionalServiceCode>();
  const record: TrajectoryRecord = {
    pseudonym,
    ageBand: 'unknown',
    sex: 'unknown',
    region: 'unknown',
    scheme: 'unknown',
    contractType: 'unknown',
    outcome: 'open',
  };
  let inYear = false;
  let opened = false;
  let referralType = 'regional.referral.requested';

  for (const event of history.events) {
    const type = event.type.replace(/^be\.rtw\./, '');
    const data = event.data;
    if (type === 'dossier.opened') {
      opened = true;
      describePerson(record, data);
      steps.incapacityStart = stringAt(data, 'incapacity', 'startDate');
      continue;
    }
    const dateField = ACTION_DATE[type];
    if (dateField === undefined) continue;
    let date = stringAt(data, dateField);
    if (date === undefined) {
      find('DATE_MISSING', type);
      date = BRUSSELS_DATE.format(event.occurredAt);
    }
    const quarter = quarterOf(date, year);
    if (quarter !== undefined) inYear = true;
    const count = (theme: QuarterCellTheme) => {
      if (quarter !== undefined) cells.add(`${theme}@${quarter}`);
    };
    switch (type) {
      case 'questionnaire.sent':
        count('questionnairesSent');
        first('questionnaireSent', date);
        break;
      case 'questionnaire.returned':
        count('questionnairesReceived');
        if (data['complete'] === true) count('completedQuestionnairesReceived');
        first('questionnaireReceived', date);
        break;
      case 'capacity.assessed': {
        const category = data['category'];
        if (category === 1 || category === 2 || category === 3 || category === 4) {
          count(`category${category}`);
          record.category = category;
        }
        first('categorisation', date);
        break;
      }
      case 'coordinator.referred':
        record.route ??= 'A';
        break;
      case 'routeb.decided':
        if (data['decision'] === 'accepted') record.route = 'B';
        break;
      case 'contact.held':
        first('firstContact', date);
        break;
      case 'regional.referral.requested': {
        const service = data['service'];
        if (typeof service === 'string' && SERVICES.has(service)) {
          const code = service as RegionalServiceCode;
          count(`referrals:${code}`);
          if (typeof data['referralId'] === 'string')
            referralServices.set(data['referralId'], code);
        }
        if (steps.referral === undefined) referralType = type;
        first('referral', date);
        first('regionalReferral', date);
        break;
      }
      case 'cpmt.referral.requested':
        if (steps.referral === undefined) referralType = type;
        first('referral', date);
        break;
      case 'regional.registration.acknowledged': {
        const service = referralServices.get(String(data['referralId']));
        if (service) count(`registrations:${service}`);
        else find('REFERRAL_UNKNOWN', type);
        first('registration', date);
        break;
      }
      case 'ami.launched': {
        const signed = declarationSignedOn(data) ?? date;
        if (quarterOf(signed, year) !== undefined) {
          const signedQuarter = quarterOf(signed, year)!;
          cells.add(`positiveEngagementDeclarationsSigned@${signedQuarter}`);
          inYear = true;
        }
        first('engagementDeclaration', signed);
        break;
      }
      case 'plan.drafted':
        count('plansDrafted');
        first('plan', date);
        break;
      case 'work.resumed':
        if (data['extent'] === 'partial') count('partTimeResumptions');
        if (
          steps.workResumption === undefined &&
          (data['extent'] === 'partial' || data['extent'] === 'full')
        ) {
          record.workResumption = data['extent'];
        }
        first('workResumption', date);
        break;
      case 'cpmt.trajectory.started':
        count('cpmtReintegrationTrajectoriesStarted');
        break;
      case 'cpmt.assessment.decided': {
        const decision = data['decision'];
        if (decision === 'A' || decision === 'B' || decision === 'C') count(`decision${decision}`);
        break;
      }
      case 'trajectory.closed':
        record.outcome = outcomeOf(data['outcome']);
        first('closure', date);
        break;
    }
  }
  if (!opened) find('OPENING_MISSING');
  const durations = durationsOf(steps, referralType, (eventType) =>
    find('STEP_OUT_OF_ORDER', eventType),
  );
  if (Object.keys(durations).length > 0) record.durations = durations;
  const deadlines = history.deadlines
    .filter((deadline) => !NOT_TRAJECTORY_RULES.has(deadline.ruleId))
    .map((deadline) => ({ rule: deadline.ruleId, status: deadline.status }));
  if (deadlines.length > 0) record.deadline = deadlines;
  // Engagement declarations are one theme counted twice: the cost-sharing key and the barometer.
  for (const key of [...cells]) {
    if (key.startsWith('positiveEngagementDeclarationsSigned@')) {
      cells.add(
        key.replace(
          'positiveEngagementDeclarationsSigned',
          'engagementDeclarationsSigned',
        ) as CellKey,
      );
    }
  }
  return { inYear, record, cells: [...cells], findings: [...findings.values()] };
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
