import type { DataOf, EventOf } from './dossier-event.types';

/** `be.rtw.ami.launched`: AMI trajectory launched under one of the four cases (1-4). */
export type AmiLaunched = EventOf<'be.rtw.ami.launched'>;
/** The positive engagement declaration, signed by coordinator, médecin-conseil and insured. */
export type EngagementDeclarationData = DataOf<'be.rtw.ami.launched'>['engagementDeclaration'];
/** `be.rtw.ami.suspended`: e.g. while a CPMT trajectory at the employer's request runs. */
export type AmiSuspended = EventOf<'be.rtw.ami.suspended'>;
/** Why an AMI trajectory is suspended. */
export type AmiSuspensionReason = DataOf<'be.rtw.ami.suspended'>['reason'];
/** `be.rtw.ami.resumed`: a suspended AMI trajectory continues. */
export type AmiResumed = EventOf<'be.rtw.ami.resumed'>;
/** `be.rtw.plan.drafted`: the reintegration plan is drawn up. */
export type PlanDrafted = EventOf<'be.rtw.plan.drafted'>;
/** `be.rtw.plan.reviewed`: a plan follow-up (in principle every three months). */
export type PlanReviewed = EventOf<'be.rtw.plan.reviewed'>;
/** `be.rtw.plan.evaluated`: the plan's final evaluation. */
export type PlanEvaluated = EventOf<'be.rtw.plan.evaluated'>;
/** Result of a plan's evaluation. */
export type PlanResult = DataOf<'be.rtw.plan.evaluated'>['result'];
