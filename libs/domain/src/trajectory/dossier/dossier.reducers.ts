import type { EmploymentData, ResidenceData } from '../../events/dossier.events';
import type { ReducerTable } from '../shared/handler.types';
import type { ResidenceKey } from '../../reference-data/regional-services/regional-service.lookup';
import type { EmploymentState } from '../trajectory.state';

// The state keeps what the rules need, not what identifies the insured: no street, municipality
// or job title (the event stream keeps those for whoever may read them).
function residenceKey({ postalCode, nisCode }: ResidenceData): ResidenceKey {
  return nisCode === undefined ? { postalCode } : { postalCode, nisCode };
}

function employmentState(employment: EmploymentData): EmploymentState {
  const { hasContract, employerEnterpriseNumber } = employment;
  return employerEnterpriseNumber === undefined
    ? { hasContract }
    : { hasContract, employerEnterpriseNumber };
}

/** How the dossier's own events change the state. */
export const dossierReducers = {
  'be.rtw.dossier.opened': (state, { insurer, data }) => ({
    ...state,
    status: 'open',
    insurer,
    scheme: data.scheme,
    employment: employmentState(data.employment),
    residence: residenceKey(data.insured.residence),
    incapacity: { startDate: data.incapacity.startDate, phase: data.incapacity.phase },
  }),
  'be.rtw.dossier.updated': (state, { data }) => ({
    ...state,
    ...(data.insured?.residence ? { residence: residenceKey(data.insured.residence) } : {}),
    ...(data.employment ? { employment: employmentState(data.employment) } : {}),
    // Version 2 may change the scheme (salaried to unemployed when the contract ends).
    ...('scheme' in data && data.scheme ? { scheme: data.scheme } : {}),
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
