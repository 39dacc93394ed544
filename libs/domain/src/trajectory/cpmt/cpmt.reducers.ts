import type { ReducerTable } from '../shared/handler.types';
import { referralAnswerReducer } from '../shared/referral-answer.reducer';

const onReferral = referralAnswerReducer('cpmtReferrals');

/** How CPMT referrals and answers change the state. */
export const cpmtReducers = {
  'be.rtw.cpmt.referral.requested': (state, { type, data }) => ({
    ...state,
    cpmtReferrals: {
      ...state.cpmtReferrals,
      [data.referralId]: {
        referralId: data.referralId,
        purpose: data.purpose,
        status: 'requested',
        requestedOn: data.requestedOn,
        history: [{ type, on: data.requestedOn }],
      },
    },
  }),
  'be.rtw.cpmt.referral.accepted': (state, e) =>
    onReferral(state, e, e.data.acceptedOn, () => ({ status: 'accepted' })),
  'be.rtw.cpmt.referral.rejected': (state, e) =>
    onReferral(state, e, e.data.rejectedOn, () => ({ status: 'rejected' })),
  'be.rtw.cpmt.visit.held': (state, e) =>
    onReferral(state, e, e.data.heldOn, () => ({
      visit: {
        heldOn: e.data.heldOn,
        reintegrationTrajectoryRequested: e.data.reintegrationTrajectoryRequested,
      },
    })),
  'be.rtw.cpmt.trajectory.started': (state, e) =>
    onReferral(state, e, e.data.startedOn, () => ({
      trajectory: { startedOn: e.data.startedOn, requestedBy: e.data.requestedBy },
    })),
  'be.rtw.cpmt.assessment.decided': (state, e) =>
    onReferral(state, e, e.data.decidedOn, () => ({
      assessment: { decision: e.data.decision, decidedOn: e.data.decidedOn },
    })),
  'be.rtw.cpmt.trajectory.ended': (state, e) =>
    onReferral(state, e, e.data.endedOn, (referral) => ({
      // An end may arrive for a trajectory begun outside the hub: keep whatever start we know.
      trajectory: { ...referral.trajectory, endedOn: e.data.endedOn, outcome: e.data.outcome },
    })),
} satisfies Partial<ReducerTable>;
