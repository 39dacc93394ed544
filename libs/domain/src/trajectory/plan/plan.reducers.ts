import type { ReducerTable } from '../shared/handler.types';
import { updateEntry } from '../shared/records.util';

/** How the reintegration plan's drafting, reviews and evaluation change the state. */
export const planReducers = {
  'be.rtw.plan.drafted': (state, { data }) => ({
    ...state,
    plans: {
      ...state.plans,
      [data.planId]: {
        planId: data.planId,
        status: 'drafted',
        draftedOn: data.draftedOn,
        lastStepOn: data.draftedOn,
        nextFollowUpOn: data.nextFollowUpOn,
        reviewCount: 0,
      },
    },
  }),
  'be.rtw.plan.reviewed': (state, { data }) => ({
    ...state,
    plans: updateEntry(state.plans, data.planId, (plan) => ({
      ...plan,
      lastStepOn: data.reviewedOn,
      nextFollowUpOn: data.nextFollowUpOn,
      reviewCount: plan.reviewCount + 1,
    })),
  }),
  'be.rtw.plan.evaluated': (state, { data }) => ({
    ...state,
    plans: updateEntry(state.plans, data.planId, (plan) => ({
      ...plan,
      status: 'evaluated',
      result: data.result,
    })),
  }),
} satisfies Partial<ReducerTable>;
