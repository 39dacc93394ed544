import {
  LEGAL_CALENDAR,
  clockStartOn,
  dueWindow,
  rulesCancelledBy,
  rulesFulfilledBy,
  rulesStartedBy,
  type DeadlineRule,
  type DossierEvent,
  type TrajectoryState,
} from '@rtw/domain';

/** A legal clock to start for a dossier. */
export interface DeadlineStart {
  readonly op: 'start';
  readonly dossierId: string;
  readonly insurer: string;
  readonly ruleId: string;
  /** The value of the rule's `matchOn` field (a plan, a referral), or '' for one per dossier. */
  readonly matchKey: string;
  readonly startedBy: string;
  readonly startsOn: string;
  readonly opensOn?: string;
  readonly dueOn: string;
}

/** Open (or missed) deadlines of a rule that an event settles or makes moot. */
export interface DeadlineClose {
  readonly op: 'settle' | 'cancel';
  readonly dossierId: string;
  readonly ruleIds: readonly string[];
  /** Only deadlines with this match key; undefined: every deadline of the rules. */
  readonly matchKey?: string;
  readonly by: string;
}

export type DeadlineChange = DeadlineStart | DeadlineClose;

/** The rule that only the retention job acts on: never cancelled, never "missed". */
export const RETENTION_RULE_ID = 'retention-dossier-data';

// A consent withdrawal makes the clocks moot that wait on the partner it stops (ADR 0029); the
// calendar's `cancelledBy` cannot say so, because it depends on the withdrawn scope.
const ALL_BUT_RETENTION = (rule: DeadlineRule) => rule.id !== RETENTION_RULE_ID;
const CONSENT_CANCELLATIONS: Record<string, (rule: DeadlineRule) => boolean> = {
  cpmt: (rule) => rule.id.startsWith('cpmt-'),
  'regional-service': (rule) => rule.id.startsWith('regional-'),
  'data-processing': ALL_BUT_RETENTION,
};

type Data = Record<string, unknown>;

/**
 * What an accepted event does to the dossier's legal clocks: first it settles the clocks it
 * fulfils and cancels those it makes moot, then it starts the clocks it starts (a plan review
 * settles the running follow-up clock and starts the next one). Pure: the tracker writes the
 * result in the same transaction as the event.
 */
export function deadlineChangesOf(
  dossierId: string,
  event: DossierEvent & { readonly id: string },
  stateAfter: TrajectoryState,
): DeadlineChange[] {
  const changes: DeadlineChange[] = [];
  const settled = rulesFulfilledBy(event.type);
  for (const rule of settled) {
    changes.push({
      op: 'settle',
      dossierId,
      ruleIds: [rule.id],
      matchKey: rule.matchOn ? keyOf(event, rule.matchOn) || undefined : undefined,
      by: event.id,
    });
  }
  for (const rule of rulesCancelledBy(event.type)) {
    changes.push({
      op: 'cancel',
      dossierId,
      ruleIds: [rule.id],
      matchKey: rule.matchOn ? keyOf(event, rule.matchOn) || undefined : undefined,
      by: event.id,
    });
  }
  const withdrawn = consentCancellation(event);
  if (withdrawn) changes.push({ op: 'cancel', dossierId, ruleIds: withdrawn, by: event.id });
  for (const rule of rulesStartedBy(event.type)) {
    const startOn = clockStartOn(rule, event, { scheme: stateAfter.scheme });
    if (startOn === undefined) continue;
    const window = dueWindow(rule, startOn);
    changes.push({
      op: 'start',
      dossierId,
      insurer: stateAfter.insurer ?? event.insurer,
      ruleId: rule.id,
      matchKey: rule.matchOn ? keyOf(event, rule.matchOn) : '',
      startedBy: event.id,
      startsOn: window.startOn,
      ...(window.opensOn ? { opensOn: window.opensOn } : {}),
      dueOn: window.dueOn,
    });
  }
  return changes;
}

function consentCancellation(event: DossierEvent): string[] | undefined {
  if (event.type !== 'be.rtw.consent.withdrawn') return undefined;
  const rules = CONSENT_CANCELLATIONS[(event.data as Data)['scope'] as string];
  return rules ? ruleIdsWhere(rules) : undefined;
}

function ruleIdsWhere(predicate: (rule: DeadlineRule) => boolean): string[] {
  return LEGAL_CALENDAR.filter(predicate).map((rule) => rule.id);
}

/** The text of a dotted path of the event (`data.planId`), read through own properties only. */
function keyOf(event: DossierEvent, path: string): string {
  let current: unknown = event;
  for (const key of path.split('.')) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, key)) return '';
    current = (current as Data)[key];
  }
  return typeof current === 'string' || typeof current === 'number' ? String(current) : '';
}
