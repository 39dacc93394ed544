import type { ReducerTable } from '../shared/handler.types';

/** How consents change the state: the latest decision per scope wins. */
export const consentReducers = {
  'be.rtw.consent.given': (state, { data }) => ({
    ...state,
    consents: { ...state.consents, [data.scope]: { status: 'given', on: data.writtenOn } },
  }),
  'be.rtw.consent.withdrawn': (state, { data }) => ({
    ...state,
    consents: { ...state.consents, [data.scope]: { status: 'withdrawn', on: data.withdrawnOn } },
  }),
} satisfies Partial<ReducerTable>;
