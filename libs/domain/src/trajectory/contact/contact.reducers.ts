import type { ReducerTable } from '../shared/handler.types';
import { updateEntry } from '../shared/records.util';

/** How contact moments, missed examinations and allowance reductions change the state. */
export const contactReducers = {
  'be.rtw.contact.scheduled': (state, { data }) => ({
    ...state,
    contacts: {
      ...state.contacts,
      [data.contactId]: {
        contactId: data.contactId,
        kind: data.kind,
        scheduledOn: data.scheduledOn,
        status: 'scheduled',
      },
    },
  }),
  'be.rtw.contact.held': (state, { data }) => ({
    ...state,
    contacts: updateEntry(state.contacts, data.contactId, (c) => ({
      ...c,
      status: 'held',
      on: data.heldOn,
    })),
  }),
  'be.rtw.contact.missed': (state, { data }) => ({
    ...state,
    contacts: updateEntry(state.contacts, data.contactId, (c) => ({
      ...c,
      status: 'missed',
      on: data.missedOn,
      justified: data.justified,
    })),
  }),
  'be.rtw.examination.missed': (state, { data }) => ({
    ...state,
    examinations: {
      ...state.examinations,
      [data.examinationId]: {
        examinationId: data.examinationId,
        missedOn: data.missedOn,
        justified: data.justified,
      },
    },
  }),
  // The amount is the insurer's business; the state keeps what the next reduction's rules read.
  'be.rtw.allowance.reduced': (state, { data }) => ({
    ...state,
    allowanceReduction: {
      cause: data.cause,
      ratePercent: data.rate,
      effectiveFrom: data.effectiveFrom,
    },
  }),
  'be.rtw.allowance.reduction.ended': (state, { data }) =>
    state.allowanceReduction === undefined
      ? state
      : {
          ...state,
          allowanceReduction: {
            ...state.allowanceReduction,
            endedOn: data.endedOn,
            ...(data.reason === 'annulled' ? { annulled: true } : {}),
          },
        },
} satisfies Partial<ReducerTable>;
