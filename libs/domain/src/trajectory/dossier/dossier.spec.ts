import { generateBisNumber, generateEnterpriseNumber, generateNiss } from '@rtw/testing';
import type { DossierEvent, DossierEventType } from '../../events/dossier-event.types';
import {
  consentGiven,
  dossierOpened,
  event,
  INSURER,
  malformed,
  residence,
} from '../testing/trajectory.fixtures';
import { INCAPACITY_DATED } from './incapacity-dates.rules';
import { given } from '../testing/trajectory.scenario';

const niss = generateNiss();
const opened = dossierOpened({ niss, scheme: 'self-employed', employment: { hasContract: false } });
const closed = event('be.rtw.dossier.closed', { closedOn: '2024-09-01', reason: 'work-resumed' });

describe('opening a dossier', () => {
  it('records insurer, scheme, contract, residence and incapacity, and nothing that identifies the insured', () => {
    const state = given().when(opened).thenAccepted();
    expect(state).toMatchObject({
      status: 'open',
      insurer: INSURER,
      scheme: 'self-employed',
      employment: { hasContract: false },
      residence: { postalCode: '1000' },
      incapacity: { startDate: '2024-01-08', phase: 'primary' },
    });
    expect(JSON.stringify(state)).not.toContain(niss);
    expect(JSON.stringify(state)).not.toContain(opened.data.insured.lastName);
    expect(JSON.stringify(state)).not.toContain(opened.data.insured.residence.municipality);
  });

  it('accepts a valid BIS number as well as a NISS', () => {
    given()
      .when(dossierOpened({ niss: generateBisNumber({ birthDate: '1980-00-00' }) }))
      .thenAccepted();
  });

  it.each(['999', '900'])(
    'refuses insurer %s, which runs no trajectories on the hub',
    (insurer) => {
      given().when(dossierOpened({ niss, insurer })).thenRejected('INSURER_UNKNOWN');
    },
  );

  it('refuses an event before the dossier is opened', () => {
    given().when(closed).thenRejected('DOSSIER_NOT_OPEN');
  });

  it('refuses a second opening, even by another insurer', () => {
    given(opened).when(opened).thenRejected('DOSSIER_ALREADY_OPEN');
    given(opened)
      .when(dossierOpened({ niss, insurer: '200' }))
      .thenRejected('INSURER_MISMATCH');
  });
});

describe('updating a dossier', () => {
  it('replaces residence and employment and changes the incapacity phase, keeping its start date', () => {
    const employer = generateEnterpriseNumber();
    const updated = event('be.rtw.dossier.updated', {
      insured: { residence: residence('4700', '63023') },
      employment: { hasContract: true, employerEnterpriseNumber: employer },
      incapacity: { phase: 'invalidity' },
      reason: 'correction',
    });
    const state = given(opened).when(updated).thenAccepted();
    expect(state.residence).toEqual({ postalCode: '4700', nisCode: '63023' });
    expect(state.employment).toEqual({ hasContract: true, employerEnterpriseNumber: employer });
    expect(state.incapacity).toEqual({ startDate: '2024-01-08', phase: 'invalidity' });
  });

  it('changes the scheme with version 2, e.g. to unemployed when the contract ends', () => {
    const salaried = dossierOpened({ niss });
    const contractEnded = event('be.rtw.dossier.updated', {
      employment: { hasContract: false },
      scheme: 'unemployed',
      reason: 'contract-ended',
    });
    const state = given(salaried).when(contractEnded).thenAccepted();
    expect(state).toMatchObject({ scheme: 'unemployed', employment: { hasContract: false } });
  });

  it('leaves fields the update does not mention untouched', () => {
    const moved = event('be.rtw.dossier.updated', {
      insured: { residence: residence('9000') },
      reason: 'moved',
    });
    expect(given(opened).when(moved).thenAccepted().employment).toEqual({ hasContract: false });
  });
});

describe('the incapacity start as the earliest date', () => {
  it.each(Object.entries(INCAPACITY_DATED))(
    'refuses %s whose %s is before the incapacity start',
    (type, field) => {
      // Only the date matters to this rule, which runs before the event's own rules.
      const early = malformed(type as DossierEventType, { [field]: '2024-01-07' }) as DossierEvent;
      given(opened).when(early).thenRejected('DATE_BEFORE_INCAPACITY_START');
    },
  );

  it('accepts a step dated on the day the incapacity started', () => {
    given(opened)
      .when(
        event('be.rtw.work.resumed', { resumedOn: '2024-01-08', extent: 'full', employer: 'same' }),
      )
      .thenAccepted();
  });
});

describe('closing a dossier', () => {
  it('refuses everything after closure but the end of the incapacity, which it records', () => {
    const state = given(opened, closed).state;
    expect(state).toMatchObject({ status: 'closed', closedOn: '2024-09-01' });
    given(opened, closed).when(consentGiven('cpmt')).thenRejected('DOSSIER_CLOSED');
    given(opened, closed).when(closed).thenRejected('DOSSIER_CLOSED');
    given(opened, closed).when(opened).thenRejected('DOSSIER_CLOSED');
    const ended = given(opened, closed)
      .when(event('be.rtw.incapacity.ended', { endedOn: '2024-08-31' }))
      .thenAccepted();
    expect(ended.incapacity?.endedOn).toBe('2024-08-31');
  });

  it('checks the insurer even after closure', () => {
    const foreign = event('be.rtw.incapacity.ended', { endedOn: '2024-08-31' }, '300');
    given(opened, closed).when(foreign).thenRejected('INSURER_MISMATCH');
  });

  it('keeps the dossier open when only the trajectory closes, recording its outcome', () => {
    const state = given(opened)
      .when(event('be.rtw.trajectory.closed', { closedOn: '2024-08-01', outcome: 'work-resumed' }))
      .thenAccepted();
    expect(state.status).toBe('open');
    expect(state.trajectoryClosed).toEqual({ closedOn: '2024-08-01', outcome: 'work-resumed' });
  });

  it('records a resumption of work', () => {
    const resumed = event('be.rtw.work.resumed', {
      resumedOn: '2024-07-15',
      extent: 'partial',
      employer: 'same',
    });
    expect(given(opened).when(resumed).thenAccepted().workResumedOn).toBe('2024-07-15');
  });
});
