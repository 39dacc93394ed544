import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createTestDataSource, linkDossierToPartner, recordDossierProjection } from '@rtw/testing';
import { DossierRegisters } from './dossier-registers';

const vdab = { kind: 'regional', code: 'vdab' } as const;
const cpmt = { kind: 'cpmt', code: '0403170701' } as const;

describe('the dossier registers on the real database', () => {
  let dataSource: DataSource;
  let registers: DossierRegisters;

  beforeAll(async () => {
    dataSource = await createTestDataSource();
    registers = new DossierRegisters(dataSource);
  });
  afterAll(() => dataSource?.destroy());

  const withdraw = (dossierId: string, scope: string) =>
    dataSource.query(
      `INSERT INTO "dossier_consents" ("dossier_id", "scope", "status", "withdrawn_on", "event_id")
       VALUES ($1, $2, 'withdrawn', current_date, 'test')
       ON CONFLICT ("dossier_id", "scope") DO UPDATE SET "status" = 'withdrawn'`,
      [dossierId, scope],
    );

  it('allows an exchange with a linked partner whose scope the insured consented to', async () => {
    const dossierId = randomUUID();
    await linkDossierToPartner(dataSource, { dossierId, partner: vdab, referralId: 'R-1' });

    expect(await registers.isReferredTo(dossierId, vdab)).toBe(true);
    expect(await registers.mayExchange(dossierId, vdab)).toEqual({ allowed: true });
    expect(await registers.mayExchange(dossierId, vdab, { referralId: 'R-1' })).toEqual({
      allowed: true,
    });
  });

  it('refuses a partner the dossier is not linked to, or whose link ended, or for another referral', async () => {
    const dossierId = randomUUID();
    await linkDossierToPartner(dataSource, { dossierId, partner: vdab, ended: true });

    expect(await registers.isReferredTo(dossierId, vdab)).toBe(false);
    expect(await registers.mayExchange(dossierId, vdab)).toEqual({
      allowed: false,
      reason: 'NOT_LINKED',
    });
    expect(await registers.isReferredTo(dossierId, cpmt)).toBe(false);
    await linkDossierToPartner(dataSource, { dossierId, partner: vdab, referralId: 'R-2' });
    expect(await registers.mayExchange(dossierId, vdab, { referralId: 'R-9' })).toEqual({
      allowed: false,
      reason: 'NOT_LINKED',
    });
  });

  it('refuses without consent for the scope, after its withdrawal, and after a data-processing withdrawal', async () => {
    const noConsent = randomUUID();
    await linkDossierToPartner(dataSource, { dossierId: noConsent, partner: cpmt, consent: false });
    expect(await registers.mayExchange(noConsent, cpmt)).toEqual({
      allowed: false,
      reason: 'CONSENT_MISSING',
    });

    const withdrawn = randomUUID();
    await linkDossierToPartner(dataSource, { dossierId: withdrawn, partner: cpmt });
    await withdraw(withdrawn, 'cpmt');
    expect(await registers.mayExchange(withdrawn, cpmt)).toEqual({
      allowed: false,
      reason: 'CONSENT_WITHDRAWN',
    });

    const processing = randomUUID();
    await linkDossierToPartner(dataSource, { dossierId: processing, partner: vdab });
    await withdraw(processing, 'data-processing');
    expect(await registers.mayExchange(processing, vdab)).toEqual({
      allowed: false,
      reason: 'DATA_PROCESSING_WITHDRAWN',
    });
  });

  it('lists the relations and consents of a dossier for its timeline', async () => {
    const dossierId = randomUUID();
    await linkDossierToPartner(dataSource, { dossierId, partner: vdab, referralId: 'R-3' });

    expect(await registers.relationsOf(dossierId)).toEqual([
      expect.objectContaining({
        dossierId,
        partner: vdab,
        purpose: 'regional-referral',
        referralId: 'R-3',
        startedAt: expect.any(Date),
      }),
    ]);
    expect(await registers.consentsOf(dossierId)).toEqual([
      expect.objectContaining({ dossierId, scope: 'regional-service', status: 'given' }),
    ]);
  });

  it("reads a dossier's insurer and residence key from the tracker's projection, and nothing for an unknown dossier", async () => {
    const dossierId = randomUUID();
    await recordDossierProjection(dataSource, {
      dossierId,
      insurer: '300',
      residence: { postalCode: '4700', nisCode: '63023' },
    });
    const bare = randomUUID();
    await recordDossierProjection(dataSource, { dossierId: bare, insurer: '100' });

    expect(await registers.dossierFactsOf(dossierId)).toEqual({
      dossierId,
      insurer: '300',
      residence: { postalCode: '4700', nisCode: '63023' },
    });
    expect(await registers.insurerOf(dossierId)).toBe('300');
    expect(await registers.dossierFactsOf(bare)).toEqual({ dossierId: bare, insurer: '100' });
    expect(await registers.dossierFactsOf(randomUUID())).toBeUndefined();
    expect(await registers.insurerOf(randomUUID())).toBeUndefined();
  });
});
