import { generateNiss } from '@rtw/testing';
import { dossierOpened, event } from '../testing/trajectory.fixtures';
import { given } from '../testing/trajectory.scenario';

const opened = dossierOpened({ niss: generateNiss() });
const scheduled = event('be.rtw.contact.scheduled', {
  contactId: 'c1',
  scheduledOn: '2024-05-20',
  kind: 'first',
  mode: 'phone',
});

describe('contact moments', () => {
  it('records a scheduled contact, then that it was held', () => {
    expect(given(opened).when(scheduled).thenAccepted().contacts['c1']).toEqual({
      contactId: 'c1',
      kind: 'first',
      scheduledOn: '2024-05-20',
      status: 'scheduled',
    });
    const held = event('be.rtw.contact.held', { contactId: 'c1', heldOn: '2024-05-20' });
    expect(given(opened, scheduled).when(held).thenAccepted().contacts['c1']).toMatchObject({
      status: 'held',
      on: '2024-05-20',
    });
  });

  it('records a missed contact and whether the absence was justified', () => {
    const missed = event('be.rtw.contact.missed', {
      contactId: 'c1',
      missedOn: '2024-05-20',
      justified: false,
    });
    expect(given(opened, scheduled).when(missed).thenAccepted().contacts['c1']).toMatchObject({
      status: 'missed',
      justified: false,
    });
  });

  it.each([
    event('be.rtw.contact.held', { contactId: 'c2', heldOn: '2024-05-20' }),
    event('be.rtw.contact.missed', { contactId: 'c2', missedOn: '2024-05-20', justified: true }),
    event('be.rtw.contact.held', { contactId: 'toString', heldOn: '2024-05-20' }),
  ])('refuses $type for a contact that was never scheduled ($data.contactId)', (unknown) => {
    given(opened, scheduled).when(unknown).thenRejected('UNKNOWN_CONTACT');
  });

  it('accepts an allowance reduction without changing the trajectory', () => {
    const reduced = event('be.rtw.allowance.reduced', {
      rate: 2.5,
      effectiveFrom: '2024-06-01',
      cause: 'unjustified-absence-first-contact',
    });
    const before = given(opened, scheduled).state;
    expect(given(opened, scheduled).when(reduced).thenAccepted()).toEqual(before);
  });
});
