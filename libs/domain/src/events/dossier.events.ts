import type { DataOf, EventOf } from './dossier-event.types';

/** Social-security scheme of the insured. */
export type Scheme = DataOf<'be.rtw.dossier.opened'>['scheme'];
/** Incapacity phase: primary incapacity (first year) or invalidity. */
export type IncapacityPhase = DataOf<'be.rtw.dossier.opened'>['incapacity']['phase'];
/** Main residence as the contracts carry it (street and municipality are personal data). */
export type ResidenceData = DataOf<'be.rtw.dossier.opened'>['insured']['residence'];
/** Employment situation; a contract is what makes a CPMT referral possible. */
export type EmploymentData = DataOf<'be.rtw.dossier.opened'>['employment'];

/** `be.rtw.dossier.opened`: the insurer opens a return-to-work dossier. */
export type DossierOpened = EventOf<'be.rtw.dossier.opened'>;
/** `be.rtw.dossier.updated`: residence, employment, incapacity phase or scheme changed. */
export type DossierUpdated = EventOf<'be.rtw.dossier.updated'>;
/** `be.rtw.dossier.closed`: the dossier is closed; only `incapacity.ended` may follow. */
export type DossierClosed = EventOf<'be.rtw.dossier.closed'>;
/** `be.rtw.incapacity.ended`: starts the retention clock. */
export type IncapacityEnded = EventOf<'be.rtw.incapacity.ended'>;
/** `be.rtw.work.resumed`: the insured resumed work, partly or fully. */
export type WorkResumed = EventOf<'be.rtw.work.resumed'>;
/** `be.rtw.trajectory.closed`: the return-to-work trajectory ended (the dossier may stay open). */
export type TrajectoryClosed = EventOf<'be.rtw.trajectory.closed'>;
/** How a trajectory ended. */
export type TrajectoryOutcome = DataOf<'be.rtw.trajectory.closed'>['outcome'];
