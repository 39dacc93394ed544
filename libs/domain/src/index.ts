// Public API of the domain core: identifiers, reference data, the legal calendar and the dossier
// state machine. Pure functions and data: no I/O, no framework. Its only imports are HubError and
// the generated contract types of @rtw/contract-types (types only; ADR 0045).

// Errors
export { DOMAIN_ERROR_CODES, DomainError, type DomainErrorCode } from './errors/domain.error';

// Dates
export { addDays, addMonths, addWeeks, firstJanuaryAfter } from './dates/date.arithmetic';
export { InvalidDateError } from './dates/invalid-date.error';
export { isIsoDate, parseIsoDate, type DateParts } from './dates/iso-date.validator';

// Identifiers
export {
  isValidEnterpriseNumber,
  parseEnterpriseNumber,
  type EnterpriseNumberInvalidReason,
} from './identifiers/enterprise-number.parser';
export { maskNiss } from './identifiers/niss.mask';
export {
  isValidNiss,
  parseNiss,
  type NissInvalidReason,
  type NissKind,
  type ParsedNiss,
} from './identifiers/niss.parser';
export type { ParseResult } from './identifiers/parse-result.types';

// Reference data
export type { Language } from './reference-data/language.types';
export type { Insurer } from './reference-data/insurers/insurer.types';
export { INSURERS, INSURERS_SOURCE } from './reference-data/insurers/insurers.data';
export {
  insurerByCode,
  isKnownInsurer,
  sendsTrajectoryData,
} from './reference-data/insurers/insurer.lookup';
export type {
  RegionalService,
  RegionalServiceId,
} from './reference-data/regional-services/regional-service.types';
export {
  REGIONAL_SERVICES,
  REGIONAL_SERVICES_SOURCE,
} from './reference-data/regional-services/regional-services.data';
export {
  GERMAN_SPEAKING_NIS_CODES,
  POSTAL_CODE_RANGES,
  POSTAL_CODES_SOURCE,
  type PostalCodeRange,
} from './reference-data/regional-services/postal-codes.data';
export {
  competentRegionalService,
  type ResidenceKey,
} from './reference-data/regional-services/regional-service.lookup';

// Events consumed by the state machine
export type { DeepReadonly, DomainEvent } from './events/domain-event.types';
export type * from './events/dossier.events';
export type * from './events/assessment.events';
export type * from './events/contact.events';
export type * from './events/consent.events';
export type * from './events/cpmt.events';
export type * from './events/ami.events';
export type * from './events/regional.events';
export type {
  DataOf,
  DossierEvent,
  DossierEventType,
  EventOf,
  HubEventType,
} from './events/dossier-event.types';
export { DOSSIER_EVENT_TYPES, isDossierEventType } from './events/dossier-event-types.data';

// Legal calendar
export type { CalendarOffset, ClockCondition, DeadlineRule } from './calendar/deadline-rule.types';
export { LEGAL_CALENDAR, LEGAL_CALENDAR_SOURCE } from './calendar/legal-calendar.data';
export {
  deadlineRuleById,
  rulesCancelledBy,
  rulesFulfilledBy,
  rulesStartedBy,
} from './calendar/legal-calendar.lookup';
export {
  applyOffset,
  clockStartOn,
  dueWindow,
  type ClockContext,
  type DueWindow,
} from './calendar/due-date.calculator';

// Trajectory state machine
export type * from './trajectory/trajectory.state';
export { initialState } from './trajectory/trajectory.state';
export { REJECTION_CODES, type RejectionCode } from './trajectory/rejection.codes';
export { TRAJECTORY_RULES, type RuleId } from './trajectory/rule.catalogue';
export type { RuleBasis, TrajectoryRule } from './trajectory/shared/rule.types';
export {
  TRAJECTORY_POLICY,
  TRAJECTORY_POLICY_SOURCE,
  type TrajectoryPolicy,
} from './trajectory/policy/trajectory-policy.data';
export type { Decision, Rejection } from './trajectory/decision.types';
export { decide } from './trajectory/trajectory.decide';
export { evolve } from './trajectory/trajectory.evolve';
