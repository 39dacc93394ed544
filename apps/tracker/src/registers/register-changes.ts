import type { DossierEvent, TrajectoryState } from '@rtw/domain';
import type { ConsentScope, PartnerRef, RelationEndReason } from '@rtw/registers';

/** A consent decision to record (the latest per dossier and scope wins). */
export interface ConsentChange {
  readonly dossierId: string;
  readonly scope: ConsentScope;
  readonly status: 'given' | 'withdrawn';
  readonly on: string;
  readonly eventId: string;
}

/** A link to start or links to end in the relation register. */
export type RelationChange =
  | {
      readonly op: 'start';
      readonly dossierId: string;
      readonly partner: PartnerRef;
      readonly purpose: 'cpmt-referral' | 'regional-referral';
      readonly referralId: string;
      readonly consentScope: ConsentScope;
      readonly eventId: string;
    }
  | {
      readonly op: 'end';
      readonly dossierId: string;
      /** Ends the current links matching all given fields (none given: every current link). */
      readonly match: {
        readonly referralId?: string;
        readonly consentScope?: ConsentScope;
        readonly partnerKind?: PartnerRef['kind'];
      };
      readonly reason: RelationEndReason;
      readonly eventId: string;
    };

type Data = Record<string, unknown>;

/**
 * What an accepted event changes in the consent and relation registers. A referral accepted by the
 * tracker links the dossier to the partner (it may then receive the referral and answer); a refusal
 * by the partner, a consent withdrawal, the end of the partner's trajectory, or the closure of the
 * trajectory or dossier ends links (ADR 0028).
 */
export function registerChangesOf(
  dossierId: string,
  event: DossierEvent & { readonly id: string },
  _stateBefore: TrajectoryState,
): { consents: ConsentChange[]; relations: RelationChange[] } {
  const data = event.data as Data;
  const eventId = event.id;
  const end = (
    match: Extract<RelationChange, { op: 'end' }>['match'],
    reason: RelationEndReason,
  ) => ({
    consents: [],
    relations: [{ op: 'end' as const, dossierId, match, reason, eventId }],
  });
  switch (event.type) {
    case 'be.rtw.consent.given':
      return {
        consents: [
          {
            dossierId,
            scope: data['scope'] as ConsentScope,
            status: 'given',
            on: data['writtenOn'] as string,
            eventId,
          },
        ],
        relations: [],
      };
    case 'be.rtw.consent.withdrawn': {
      const scope = data['scope'] as ConsentScope;
      return {
        consents: [
          { dossierId, scope, status: 'withdrawn', on: data['withdrawnOn'] as string, eventId },
        ],
        relations: [
          {
            op: 'end',
            dossierId,
            // Without data-processing consent nothing may be exchanged at all.
            match: scope === 'data-processing' ? {} : { consentScope: scope },
            reason: 'consent-withdrawn',
            eventId,
          },
        ],
      };
    }
    case 'be.rtw.cpmt.referral.requested': {
      const service = data['preventionService'] as Data;
      return {
        consents: [],
        relations: [
          {
            op: 'start',
            dossierId,
            partner: { kind: 'cpmt', code: service['enterpriseNumber'] as string },
            purpose: 'cpmt-referral',
            referralId: data['referralId'] as string,
            consentScope: 'cpmt',
            eventId,
          },
        ],
      };
    }
    case 'be.rtw.regional.referral.requested':
      return {
        consents: [],
        relations: [
          {
            op: 'start',
            dossierId,
            partner: { kind: 'regional', code: data['service'] as string },
            purpose: 'regional-referral',
            referralId: data['referralId'] as string,
            consentScope: 'regional-service',
            eventId,
          },
        ],
      };
    case 'be.rtw.cpmt.referral.rejected':
    case 'be.rtw.regional.registration.rejected':
      return end({ referralId: data['referralId'] as string }, 'partner-rejected');
    case 'be.rtw.cpmt.trajectory.ended':
    case 'be.rtw.regional.trajectory.ended':
      return end({ referralId: data['referralId'] as string }, 'trajectory-ended');
    case 'be.rtw.trajectory.closed':
      return end({}, 'trajectory-ended');
    case 'be.rtw.dossier.closed':
      return end({}, 'dossier-closed');
    default:
      return { consents: [], relations: [] };
  }
}
