import type { AmiSuspensionReason, PlanResult } from '../events/ami.events';
import type { QuestionnaireExemption } from '../events/assessment.events';
import type { ConsentScope } from '../events/consent.events';
import type { ContactKind, ReductionCause } from '../events/contact.events';
import type {
  CpmtAssessmentDecision,
  CpmtPurpose,
  CpmtTrajectoryOutcome,
  CpmtTrajectoryRequester,
} from '../events/cpmt.events';
import type { DossierEventType } from '../events/dossier-event.types';
import type { IncapacityPhase, Scheme, TrajectoryOutcome } from '../events/dossier.events';
import type { RegionalTrajectoryOutcome } from '../events/regional.events';
import type { ResidenceKey } from '../reference-data/regional-services/regional-service.lookup';
import type { RegionalServiceId } from '../reference-data/regional-services/regional-service.types';

/** Lifecycle of the dossier. */
export type DossierStatus = 'none' | 'open' | 'closed';
/** The four capacity categories of the first estimate. */
export type CapacityCategory = 1 | 2 | 3 | 4;
/** The four AMI launch cases. */
export type AmiCase = 1 | 2 | 3 | 4;

/** The employment facts the rules need: a contract makes a CPMT referral possible. */
export interface EmploymentState {
  readonly hasContract: boolean;
  readonly employerEnterpriseNumber?: string;
}

/** The latest consent decision for one scope. */
export interface ConsentState {
  readonly status: 'given' | 'withdrawn';
  readonly on: string;
}

/** Questionnaire progress. */
export interface QuestionnaireState {
  readonly status: 'none' | 'sent' | 'exempted' | 'returned-complete' | 'returned-incomplete';
  readonly sentOn?: string;
  readonly dueOn?: string;
  readonly receivedOn?: string;
  readonly exemption?: QuestionnaireExemption;
}

/** One step in a referral's life, kept in order for the timeline. */
export interface ReferralHistoryEntry {
  readonly type: DossierEventType;
  readonly on: string;
}

/** A referral to the CPMT and what came of it. */
export interface CpmtReferralState {
  readonly referralId: string;
  readonly purpose: CpmtPurpose;
  readonly status: 'requested' | 'accepted' | 'rejected';
  readonly requestedOn: string;
  readonly visit?: { readonly heldOn: string; readonly reintegrationTrajectoryRequested: boolean };
  readonly trajectory?: {
    readonly startedOn?: string;
    readonly requestedBy?: CpmtTrajectoryRequester;
    readonly endedOn?: string;
    readonly outcome?: CpmtTrajectoryOutcome;
  };
  readonly assessment?: { readonly decision: CpmtAssessmentDecision; readonly decidedOn: string };
  readonly history: readonly ReferralHistoryEntry[];
}

/** A referral to a regional employment service and what came of it. */
export interface RegionalReferralState {
  readonly referralId: string;
  readonly service: RegionalServiceId;
  readonly status: 'requested' | 'acknowledged' | 'rejected';
  readonly requestedOn: string;
  readonly serviceReference?: string;
  readonly presentedOn?: string;
  readonly trajectory?: {
    readonly startedOn?: string;
    readonly endedOn?: string;
    readonly outcome?: RegionalTrajectoryOutcome;
  };
  readonly history: readonly ReferralHistoryEntry[];
}

/** The AMI trajectory. */
export interface AmiState {
  readonly status: 'none' | 'launched' | 'suspended';
  readonly case?: AmiCase;
  readonly launchedOn?: string;
  readonly suspendedOn?: string;
  readonly suspensionReason?: AmiSuspensionReason;
}

/** A reintegration plan. */
export interface PlanState {
  readonly planId: string;
  readonly status: 'drafted' | 'evaluated';
  readonly draftedOn: string;
  /** Date of the latest step (drafting or review): the next step cannot precede it. */
  readonly lastStepOn: string;
  readonly nextFollowUpOn: string;
  readonly reviewCount: number;
  readonly result?: PlanResult;
}

/** A medical examination the insured missed. */
export interface ExaminationState {
  readonly examinationId: string;
  readonly missedOn: string;
  readonly justified: boolean;
}

/** The latest allowance reduction; running until `endedOn` is set. */
export interface AllowanceReductionState {
  readonly cause: ReductionCause;
  readonly ratePercent: number;
  readonly effectiveFrom: string;
  readonly endedOn?: string;
  /** `annulled` means the reduction never stood: its absence may cause a corrected one. */
  readonly annulled?: boolean;
}

/** A contact moment. */
export interface ContactState {
  readonly contactId: string;
  readonly kind: ContactKind;
  readonly scheduledOn: string;
  readonly status: 'scheduled' | 'held' | 'missed';
  readonly on?: string;
  readonly justified?: boolean;
}

/**
 * What the hub knows about one dossier: only statuses, categories, dates and ids, never identity
 * or health details. Plain JSON, so a projection can store it as is.
 */
export interface TrajectoryState {
  readonly status: DossierStatus;
  readonly insurer?: string;
  readonly scheme?: Scheme;
  readonly employment?: EmploymentState;
  /** Postal and NIS code only: enough to find the competent regional service, no address. */
  readonly residence?: ResidenceKey;
  readonly incapacity?: {
    readonly startDate: string;
    readonly phase: IncapacityPhase;
    readonly endedOn?: string;
  };
  readonly closedOn?: string;
  readonly consents: Readonly<Partial<Record<ConsentScope, ConsentState>>>;
  readonly questionnaire: QuestionnaireState;
  readonly capacity?: {
    readonly category: CapacityCategory;
    readonly assessedOn: string;
    /** How many estimates the dossier had: more than one means the latest is a re-estimate. */
    readonly estimateCount: number;
  };
  readonly routeA: { readonly status: 'none' | 'referred'; readonly referredOn?: string };
  readonly routeB: {
    readonly status: 'none' | 'requested' | 'accepted' | 'refused';
    readonly on?: string;
  };
  readonly cpmtReferrals: Readonly<Record<string, CpmtReferralState>>;
  readonly ami: AmiState;
  readonly plans: Readonly<Record<string, PlanState>>;
  readonly regionalReferrals: Readonly<Record<string, RegionalReferralState>>;
  readonly contacts: Readonly<Record<string, ContactState>>;
  readonly examinations: Readonly<Record<string, ExaminationState>>;
  readonly allowanceReduction?: AllowanceReductionState;
  readonly workResumedOn?: string;
  readonly trajectoryClosed?: { readonly closedOn: string; readonly outcome: TrajectoryOutcome };
}

/** The state of a dossier before any event. */
export function initialState(): TrajectoryState {
  return {
    status: 'none',
    consents: {},
    questionnaire: { status: 'none' },
    routeA: { status: 'none' },
    routeB: { status: 'none' },
    cpmtReferrals: {},
    ami: { status: 'none' },
    plans: {},
    regionalReferrals: {},
    contacts: {},
    examinations: {},
  };
}
