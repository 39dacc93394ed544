import {
  TEST_RESIDENCES,
  acceptedEvent,
  consentGiven,
  consentWithdrawn,
  dossierOpened,
  dossierPurged,
  generateEnterpriseNumber,
  newDossier,
} from '@rtw/testing';
import type { CloudEvent } from '@rtw/messaging';
import { ConnectorError } from '../errors/connector.error';
import { evolveView, type ConnectorDossierView } from './dossier-view.reducer';

const dossier = newDossier('500');
const replay = (...events: CloudEvent[]) =>
  events.reduce<ConnectorDossierView | undefined>(evolveView, undefined);
const opened = dossierOpened(dossier, { residence: TEST_RESIDENCES.ghent, language: 'nl' });

describe('the connector’s view of a dossier', () => {
  it('starts from dossier.opened with the identity, facts and insurer, and no consent', () => {
    const view = replay(opened);
    expect(view).toEqual({
      dossierId: dossier.dossierId,
      insurerCode: '500',
      insured: opened.data.insured,
      scheme: 'unemployed',
      employment: { hasContract: false },
      incapacity: { startDate: '2026-01-05', phase: 'primary' },
      consents: {},
    });
  });

  it('takes a move, a new language and a phase change from dossier.updated', () => {
    const view = replay(
      opened,
      acceptedEvent(dossier, 'be.rtw.dossier.updated', {
        insured: { residence: TEST_RESIDENCES.eupen, language: 'de' },
        reason: 'moved',
      }),
      acceptedEvent(dossier, 'be.rtw.dossier.updated', {
        incapacity: { phase: 'invalidity' },
        reason: 'phase-changed',
      }),
    );
    expect(view?.insured).toMatchObject({ residence: TEST_RESIDENCES.eupen, language: 'de' });
    expect(view?.insured.niss).toBe(opened.data.insured.niss);
    expect(view?.incapacity).toEqual({ startDate: '2026-01-05', phase: 'invalidity' });
  });

  it('replaces the employment situation as a whole, so an ended contract takes its employer along', () => {
    const employer = generateEnterpriseNumber();
    const view = replay(
      dossierOpened(dossier, {
        scheme: 'salaried',
        employment: { hasContract: true, employerEnterpriseNumber: employer, jobTitle: 'Clerk' },
      }),
      acceptedEvent(
        dossier,
        'be.rtw.dossier.updated',
        { employment: { hasContract: false }, scheme: 'unemployed', reason: 'contract-ended' },
        2,
      ),
    );
    expect(view?.employment).toEqual({ hasContract: false });
    expect(view?.scheme).toBe('unemployed');
  });

  it('keeps the date of each consent in force and forgets a withdrawn one', () => {
    const view = replay(
      opened,
      consentGiven(dossier, 'data-processing', '2026-02-01'),
      consentGiven(dossier, 'regional-service', '2026-05-28'),
      consentGiven(dossier, 'cpmt', '2026-05-30'),
      consentWithdrawn(dossier, 'cpmt'),
    );
    expect(view?.consents).toEqual({
      'data-processing': '2026-02-01',
      'regional-service': '2026-05-28',
    });
  });

  it('is gone once the dossier is purged', () => {
    expect(replay(opened, consentGiven(dossier, 'cpmt'), dossierPurged(dossier))).toBeUndefined();
  });

  it('stays unknown when updates arrive for a dossier whose opening it never saw', () => {
    expect(replay(consentGiven(dossier, 'cpmt'))).toBeUndefined();
  });

  it('refuses a contract version it cannot read rather than misread it', () => {
    const future = acceptedEvent(dossier, 'be.rtw.dossier.updated', { reason: 'moved' }, 9);
    expect(() => replay(opened, future)).toThrow(
      expect.objectContaining({ code: 'CONNECTOR_EVENT_VERSION_UNSUPPORTED', retriable: false }),
    );
    expect(() => replay(opened, future)).toThrow(ConnectorError);
  });
});
