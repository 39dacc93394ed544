import { reject } from '../decision.types';
import type { GuardTable } from '../shared/handler.types';
import { entryOf } from '../shared/records.util';
import type { TrajectoryState } from '../trajectory.state';

function rejectIfUnknownContact(state: TrajectoryState, contactId: string) {
  return entryOf(state.contacts, contactId) === undefined ? reject('UNKNOWN_CONTACT') : undefined;
}

/** Business rules of contact moments: only a scheduled contact can be held or missed. */
export const contactGuards = {
  'be.rtw.contact.held': (state, { data }) => rejectIfUnknownContact(state, data.contactId),
  'be.rtw.contact.missed': (state, { data }) => rejectIfUnknownContact(state, data.contactId),
} satisfies GuardTable;
