import type { DomainEvent } from './domain-event.types';

/**
 * The positive engagement declaration. Signatures are optional in the type so that the decider,
 * not only the schema, can reject an incomplete declaration with its own code.
 */
export interface EngagementDeclarationData {
  readonly coordinatorSignedOn?: string;
  readonly medicalAdvisorSignedOn?: string;
  readonly insuredSignedOn?: string;
}

/** `be.rtw.ami.launched`: AMI trajectory launched under one of the four cases (1-4). */
export type AmiLaunched = DomainEvent<
  'be.rtw.ami.launched',
  {
    readonly case: number;
    readonly launchedOn: string;
    readonly engagementDeclaration: EngagementDeclarationData;
  }
>;

/** `be.rtw.ami.suspended`: e.g. while a CPMT trajectory at the employer's request runs. */
export type AmiSuspended = DomainEvent<
  'be.rtw.ami.suspended',
  { readonly suspendedOn: string; readonly reason: 'cpmt-trajectory-at-employer-request' | 'other' }
>;

/** `be.rtw.ami.resumed`: a suspended AMI trajectory continues. */
export type AmiResumed = DomainEvent<'be.rtw.ami.resumed', { readonly resumedOn: string }>;

/** `be.rtw.plan.drafted`: the reintegration plan is drawn up. */
export type PlanDrafted = DomainEvent<
  'be.rtw.plan.drafted',
  { readonly planId: string; readonly draftedOn: string; readonly nextFollowUpOn: string }
>;

/** `be.rtw.plan.reviewed`: a plan follow-up (in principle every three months). */
export type PlanReviewed = DomainEvent<
  'be.rtw.plan.reviewed',
  { readonly planId: string; readonly reviewedOn: string; readonly nextFollowUpOn: string }
>;

/** `be.rtw.plan.evaluated`: the plan's final evaluation. */
export type PlanEvaluated = DomainEvent<
  'be.rtw.plan.evaluated',
  {
    readonly planId: string;
    readonly evaluatedOn: string;
    readonly result: 'achieved' | 'partly-achieved' | 'not-achieved';
  }
>;
