import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createAjv } from '@rtw/contracts';
import { ConfigError } from '@rtw/platform';
import {
  PARTNER_CONTRACTS,
  type CanonicalAnswerType,
  type PartnerAnswer,
  type PartnerMediaType,
  type ReadMessage,
} from '@rtw/partners';
import type { SandboxOrganisation } from '../organisations/sandbox-organisations';

/** One scripted answer: which (short canonical name), after how long, with which data. */
export interface ScriptStep {
  /** The canonical type without `be.rtw.<cpmt|regional>.`, e.g. `registration.acknowledged`. */
  readonly answer: string;
  /** Pause before sending it, after the previous step (the sandbox's default delay otherwise). */
  readonly afterMs?: number;
  /** Canonical data fields that replace the defaults (`referralId` always comes from the message). */
  readonly data?: Readonly<Record<string, unknown>>;
}

/** The answers an organisation sends, in order, after acknowledging a message. */
export type AnswerScript = readonly ScriptStep[];

/** What a real service does first: acknowledge, then the next step. */
export const DEFAULT_SCRIPTS: Readonly<Record<'regional' | 'cpmt' | 'inami', AnswerScript>> = {
  regional: [{ answer: 'registration.acknowledged' }, { answer: 'insured.presented' }],
  cpmt: [{ answer: 'referral.accepted' }, { answer: 'visit.held' }],
  // INAMI acknowledges the yearly dataset synchronously and answers nothing else.
  inami: [],
};

const STEP_SCHEMA = {
  type: 'object',
  required: ['answer'],
  properties: {
    answer: { type: 'string', pattern: '^[a-z]+(\\.[a-z]+)+$', maxLength: 60 },
    afterMs: { type: 'integer', minimum: 0, maximum: 3_600_000 },
    data: { type: 'object', maxProperties: 10 },
  },
  additionalProperties: false,
} as const;

/** JSON Schema of a script (the control API and the scripts file use it). */
export const SCRIPT_SCHEMA = { type: 'array', maxItems: 20, items: STEP_SCHEMA } as const;

const validateScripts = createAjv().compile({
  type: 'object',
  propertyNames: { pattern: '^[a-z]+(:[a-z0-9]+)?$' },
  additionalProperties: SCRIPT_SCHEMA,
});

/**
 * Scripts from a file, by organisation id (`regional:actiris`, `cpmt:0403170701`) or by partner
 * (`actiris`, `cpmt`, `regional` for every regional service).
 */
export function loadScripts(file: string, configKey: string): Map<string, AnswerScript> {
  if (!existsSync(file)) throw new ConfigError([{ key: configKey, reason: 'file not found' }]);
  let document: unknown;
  try {
    document = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw new ConfigError([{ key: configKey, reason: 'cannot be read as JSON' }]);
  }
  if (!validateScripts(document))
    throw new ConfigError([
      { key: configKey, reason: 'must map organisations or partners to lists of steps' },
    ]);
  return new Map(Object.entries(document as Record<string, AnswerScript>));
}

/** The canonical type a step names for this organisation. */
export function stepType(organisation: SandboxOrganisation, step: ScriptStep): string {
  return `be.rtw.${organisation.kind === 'cpmt' ? 'cpmt' : 'regional'}.${step.answer}`;
}

/** The default data of each answer, dated `today`; `reference` is the service's own reference. */
function defaultData(type: string, today: string, reference: string): Record<string, unknown> {
  switch (type) {
    case 'be.rtw.regional.registration.acknowledged':
      return { serviceReference: reference, acknowledgedOn: today };
    case 'be.rtw.regional.registration.rejected':
      return { reason: 'other', rejectedOn: today };
    case 'be.rtw.regional.insured.presented':
      return { presentedOn: today };
    case 'be.rtw.regional.trajectory.started':
      return { startedOn: today };
    case 'be.rtw.regional.trajectory.ended':
      return { endedOn: today, outcome: 'employed' };
    case 'be.rtw.cpmt.referral.accepted':
      return { acceptedOn: today };
    case 'be.rtw.cpmt.referral.rejected':
      return { rejectedOn: today, reason: 'other' };
    case 'be.rtw.cpmt.trajectory.started':
      return { startedOn: today, requestedBy: 'insured' };
    case 'be.rtw.cpmt.visit.held':
      return { heldOn: today, reintegrationTrajectoryRequested: false };
    case 'be.rtw.cpmt.assessment.decided':
      return { decision: 'A', decidedOn: today };
    case 'be.rtw.cpmt.trajectory.ended':
      return { endedOn: today, outcome: 'adapted-work' };
    default:
      return {};
  }
}

const PREFIX: Readonly<Record<string, string>> = {
  actiris: 'ACT',
  vdab: 'VDAB',
  forem: 'FOREM',
  adg: 'ADG',
  cpmt: 'CPMT',
};

/** The day in Brussels, `YYYY-MM-DD`: partners date their answers in local time. */
export function brusselsDate(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(now);
}

/**
 * The answer of one step to one message, in canonical words (the partner lib writes it in the
 * partner's format). Ids are derived from the message id and the step, so the same message gives
 * the same answers (and the gateway recognises a re-sent one).
 */
export function scriptedAnswer(args: {
  organisation: SandboxOrganisation;
  message: ReadMessage;
  step: ScriptStep;
  index: number;
  now: Date;
}): PartnerAnswer {
  const { organisation, message, step, index, now } = args;
  const type = stepType(organisation, step);
  const digest = createHash('sha256')
    .update(`${organisation.id}\n${message.messageId}`)
    .digest('hex')
    .slice(0, 16)
    .toUpperCase();
  const prefix = PREFIX[organisation.partner] ?? 'ANS';
  return {
    answerId: `${prefix}-${digest}-${index + 1}`,
    sentAt: now.toISOString(),
    dossierId: message.dossierId,
    referralId: message.referralId,
    event: {
      type,
      dataschema: `urn:rtw:schema:${type}:v1`,
      data: {
        ...defaultData(type, brusselsDate(now), `${prefix}-${digest.slice(0, 10)}`),
        ...step.data,
        referralId: message.referralId,
      },
    } as unknown as PartnerAnswer['event'],
  };
}

/** The default answer format of a partner: the first its answer contract lists. */
export function defaultAnswerFormat(organisation: SandboxOrganisation): PartnerMediaType {
  return organisation.partner === 'inami'
    ? 'application/xml'
    : PARTNER_CONTRACTS[organisation.partner].answer.mediaTypes[0]!;
}

/** True when the step's type is an answer this organisation's kind gives. */
export function isAnswerOf(organisation: SandboxOrganisation, step: ScriptStep): boolean {
  return (ANSWER_TYPES as readonly string[]).includes(stepType(organisation, step));
}

const ANSWER_TYPES: readonly CanonicalAnswerType[] = [
  'be.rtw.regional.registration.acknowledged',
  'be.rtw.regional.registration.rejected',
  'be.rtw.regional.insured.presented',
  'be.rtw.regional.trajectory.started',
  'be.rtw.regional.trajectory.ended',
  'be.rtw.cpmt.referral.accepted',
  'be.rtw.cpmt.referral.rejected',
  'be.rtw.cpmt.visit.held',
  'be.rtw.cpmt.trajectory.started',
  'be.rtw.cpmt.assessment.decided',
  'be.rtw.cpmt.trajectory.ended',
];
