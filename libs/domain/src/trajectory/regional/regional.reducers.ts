import type { ReducerTable } from '../shared/handler.types';
import { referralAnswerReducer } from '../shared/referral-answer.reducer';

const onReferral = referralAnswerReducer('regionalReferrals');

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
