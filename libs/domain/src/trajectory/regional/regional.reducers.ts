import type { DossierEventType } from '../../events/dossier-event.types';
import type { ReducerTable } from '../shared/handler.types';
import { updateEntry } from '../shared/records.util';
import type { RegionalReferralState, TrajectoryState } from '../trajectory.state';

/** Applies a regional service's answer to its referral and appends it to the history. */
function onReferral(
  state: TrajectoryState,
  event: { readonly type: DossierEventType; readonly data: { readonly referralId: string } },
  on: string,
  change: (referral: RegionalReferralState) => Partial<RegionalReferralState>,
): TrajectoryState {
  return {
    ...state,
    regionalReferrals: updateEntry(state.regionalReferrals, event.data.referralId, (referral) => ({
      ...referral,
      ...change(referral),
      history: [...referral.history, { type: event.type, on }],
    })),
  };
}

/** How regional referrals and answers change the state. */
export const regionalReducers = {
  'be.rtw.regional.referral.requested': (state, { type, data }) => ({
    ...state,
    regionalReferrals: {
      ...state.regionalReferrals,
      [data.referralId]: {
        referralId: data.referralId,
        service: data.service,
        status: 'requested',
        requestedOn: data.requestedOn,
        history: [{ type, on: data.requestedOn }],
      },
    },
  }),
  'be.rtw.regional.registration.acknowledged': (state, e) =>
    onReferral(state, e, e.data.acknowledgedOn, () => ({
      status: 'acknowledged',
      serviceReference: e.data.serviceReference,
    })),
  'be.rtw.regional.registration.rejected': (state, e) =>
    onReferral(state, e, e.data.rejectedOn, () => ({ status: 'rejected' })),
  'be.rtw.regional.insured.presented': (state, e) =>
    onReferral(state, e, e.data.presentedOn, () => ({ presentedOn: e.data.presentedOn })),
  'be.rtw.regional.trajectory.started': (state, e) =>
    onReferral(state, e, e.data.startedOn, () => ({ trajectory: { startedOn: e.data.startedOn } })),
  'be.rtw.regional.trajectory.ended': (state, e) =>
    onReferral(state, e, e.data.endedOn, (referral) => ({
      trajectory: { ...referral.trajectory, endedOn: e.data.endedOn, outcome: e.data.outcome },
    })),
} satisfies Partial<ReducerTable>;
