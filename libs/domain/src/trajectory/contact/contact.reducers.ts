import type { ReducerTable } from '../shared/handler.types';
import { updateEntry } from '../shared/records.util';

/** How contact moments and allowance reductions change the state. */
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
  // The reduction itself is the insurer's business; the event is kept in the dossier's stream only.
  'be.rtw.allowance.reduced': (state) => state,
} satisfies Partial<ReducerTable>;
