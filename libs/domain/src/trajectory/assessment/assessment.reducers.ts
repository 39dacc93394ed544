import type { ReducerTable } from '../shared/handler.types';
import { isCapacityCategory } from './assessment.rules';

/** How the questionnaire, capacity estimate and routes A and B change the state. */
export const assessmentReducers = {
  'be.rtw.questionnaire.sent': (state, { data }) => ({
    ...state,
    questionnaire: { status: 'sent', sentOn: data.sentOn, dueOn: data.dueOn },
  }),
  'be.rtw.questionnaire.exempted': (state, { data }) => ({
    ...state,
    questionnaire: { ...state.questionnaire, status: 'exempted', exemption: data.reason },
  }),
  'be.rtw.questionnaire.returned': (state, { data }) => ({
    ...state,
    questionnaire: {
      ...state.questionnaire,
      status: data.complete ? 'returned-complete' : 'returned-incomplete',
      receivedOn: data.receivedOn,
    },
    // Asking for a trajectory in the questionnaire is the route-B request.
    ...(data.returnToWorkRequested ? { routeB: { status: 'requested', on: data.receivedOn } } : {}),
  }),
  'be.rtw.capacity.assessed': (state, { data }) =>
    isCapacityCategory(data.category)
      ? {
          ...state,
          capacity: {
            category: data.category,
            assessedOn: data.assessedOn,
            estimateCount: (state.capacity?.estimateCount ?? 0) + 1,
          },
        }
      : state,
  'be.rtw.routeb.requested': (state, { data }) => ({
    ...state,
    routeB: { status: 'requested', on: data.requestedOn },
  }),
  'be.rtw.routeb.decided': (state, { data }) => ({
    ...state,
    routeB: { status: data.decision, on: data.decidedOn },
  }),
  'be.rtw.coordinator.referred': (state, { data }) => ({
    ...state,
    routeA: { status: 'referred', referredOn: data.referredOn },
  }),
} satisfies Partial<ReducerTable>;
