import type { DomainEvent } from './domain-event.types';

/** Social-security scheme of the insured. */
export type Scheme = 'salaried' | 'unemployed' | 'self-employed' | 'helping-spouse';
/** Incapacity phase: primary incapacity (first year) or invalidity. */
export type IncapacityPhase = 'primary' | 'invalidity';

/** Main residence as far as the hub needs it (competent regional service). */
export interface ResidenceData {
  readonly postalCode: string;
  readonly nisCode?: string;
}

/** Employment situation; a contract is what makes a CPMT referral possible. */
export interface EmploymentData {
  readonly hasContract: boolean;
  readonly employerEnterpriseNumber?: string;
}

/** `be.rtw.dossier.opened`: the insurer opens a return-to-work dossier. */
export type DossierOpened = DomainEvent<
  'be.rtw.dossier.opened',
  {
    readonly insured: { readonly niss: string; readonly residence: ResidenceData };
    readonly scheme: Scheme;
    readonly employment: EmploymentData;
    readonly incapacity: { readonly startDate: string; readonly phase: IncapacityPhase };
  }
>;

/** `be.rtw.dossier.updated`: residence, employment or incapacity phase changed. */
export type DossierUpdated = DomainEvent<
  'be.rtw.dossier.updated',
  {
    readonly insured?: { readonly residence?: ResidenceData };
    readonly employment?: EmploymentData;
    readonly incapacity?: { readonly phase?: IncapacityPhase };
    readonly reason:
      'moved' | 'contract-ended' | 'contract-started' | 'phase-changed' | 'correction';
  }
>;

/** `be.rtw.dossier.closed`: the dossier is closed; only `incapacity.ended` may follow. */
export type DossierClosed = DomainEvent<
  'be.rtw.dossier.closed',
  {
    readonly closedOn: string;
    readonly reason: 'work-resumed' | 'incapacity-ended' | 'pension' | 'death' | 'other';
  }
>;

/** `be.rtw.incapacity.ended`: starts the retention clock. */
export type IncapacityEnded = DomainEvent<'be.rtw.incapacity.ended', { readonly endedOn: string }>;

/** `be.rtw.work.resumed`: the insured resumed work, partly or fully. */
export type WorkResumed = DomainEvent<
  'be.rtw.work.resumed',
  {
    readonly resumedOn: string;
    readonly extent: 'partial' | 'full';
    readonly employer: 'same' | 'other' | 'self-employed';
  }
>;

/** `be.rtw.trajectory.closed`: the return-to-work trajectory ended (the dossier may stay open). */
export type TrajectoryClosed = DomainEvent<
  'be.rtw.trajectory.closed',
  {
    readonly closedOn: string;
    readonly outcome:
      'work-resumed' | 'not-feasible' | 'stopped-by-insured' | 'incapacity-ended' | 'other';
  }
>;
