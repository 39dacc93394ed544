import type { Language } from '../language.types';

/** The four regional employment and training services, as named in events. */
export type RegionalServiceId = 'actiris' | 'vdab' | 'forem' | 'adg';

/** A regional employment and training service and how the hub refers people to it. */
export interface RegionalService {
  readonly id: RegionalServiceId;
  readonly name: string;
  /** Region or Community it serves. */
  readonly territory: string;
  /** Languages its partner messages may use, the first being the default. */
  readonly languages: readonly Language[];
  /** The referral form it receives: FIA, AMF, FIF or IFA. */
  readonly referralForm: 'FIA' | 'AMF' | 'FIF' | 'IFA';
  /** Partner for work-related disability, where one is known (GTB, AViQ). */
  readonly disabilityPartner?: 'gtb' | 'aviq';
}
