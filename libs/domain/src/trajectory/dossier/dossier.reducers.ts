import type { ReducerTable } from '../shared/handler.types';

/** How the dossier's own events change the state. */
export const dossierReducers = {
  'be.rtw.dossier.opened': (state, { insurer, data }) => ({
    ...state,
    status: 'open',
    insurer,
    scheme: data.scheme,
    employment: data.employment,
    residence: data.insured.residence,
    incapacity: data.incapacity,
  }),
  'be.rtw.dossier.updated': (state, { data }) => ({
    ...state,
    ...(data.insured?.residence ? { residence: data.insured.residence } : {}),
    ...(data.employment ? { employment: data.employment } : {}),
    ...(data.incapacity?.phase && state.incapacity
      ? { incapacity: { ...state.incapacity, phase: data.incapacity.phase } }
      : {}),
  }),
  'be.rtw.dossier.closed': (state, { data }) => ({
    ...state,
    status: 'closed',
    closedOn: data.closedOn,
  }),
  'be.rtw.incapacity.ended': (state, { data }) =>
    state.incapacity
      ? { ...state, incapacity: { ...state.incapacity, endedOn: data.endedOn } }
      : state,
  'be.rtw.work.resumed': (state, { data }) => ({ ...state, workResumedOn: data.resumedOn }),
  'be.rtw.trajectory.closed': (state, { data }) => ({
    ...state,
    trajectoryClosed: { closedOn: data.closedOn, outcome: data.outcome },
  }),
} satisfies Partial<ReducerTable>;
