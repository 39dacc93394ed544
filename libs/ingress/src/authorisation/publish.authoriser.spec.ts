import { randomUUID } from 'node:crypto';
import type { CanonicalEvent } from '@rtw/contracts';
import type { Organisation } from '../organisations/organisation.types';
import { PUBLISH_MATRIX } from './publish-matrix.data';
import { PublishAuthoriser } from './publish.authoriser';
import { InMemoryRelationRegister } from './relation-register.port';

const insurer100: Organisation = {
  id: 'insurer:100',
  kind: 'insurer',
  code: '100',
  source: 'urn:rtw:org:insurer:100',
  certificateFingerprints: [],
};
const vdab: Organisation = {
  id: 'regional:vdab',
  kind: 'regional',
  code: 'vdab',
  source: 'urn:rtw:org:regional:vdab',
  certificateFingerprints: [],
};
const inami: Organisation = {
  id: 'inami:inami',
  kind: 'inami',
  code: 'inami',
  source: 'urn:rtw:org:inami:inami',
  certificateFingerprints: [],
};

function event(
  type: string,
  from: Organisation,
  overrides: Partial<CanonicalEvent> = {},
): CanonicalEvent {
  return {
    id: randomUUID(),
    type,
    source: from.source,
    subject: randomUUID(),
    insurer: '100',
    ...overrides,
  } as CanonicalEvent;
}

async function codeOf(check: Promise<void>): Promise<string | undefined> {
  return check.then(
    () => undefined,
    (error: { code?: string }) => error.code,
  );
}

describe('PublishAuthoriser', () => {
  const relations = new InMemoryRelationRegister();
  const authoriser = new PublishAuthoriser(relations);

  it('lets an insurer publish its own dossier events', async () => {
    await expect(
      codeOf(authoriser.authorise(insurer100, event('be.rtw.dossier.opened', insurer100))),
    ).resolves.toBeUndefined();
  });

  it("refuses an insurer publishing for another insurer's dossier", async () => {
    await expect(
      codeOf(
        authoriser.authorise(
          insurer100,
          event('be.rtw.dossier.opened', insurer100, { insurer: '200' }),
        ),
      ),
    ).resolves.toBe('INSURER_MISMATCH');
  });

  it('refuses an event whose source is another organisation', async () => {
    await expect(
      codeOf(authoriser.authorise(insurer100, event('be.rtw.dossier.opened', vdab))),
    ).resolves.toBe('SOURCE_MISMATCH');
  });

  it('refuses event types outside the kind of the caller, and hub events from anyone', async () => {
    await expect(
      codeOf(
        authoriser.authorise(insurer100, event('be.rtw.regional.trajectory.started', insurer100)),
      ),
    ).resolves.toBe('EVENT_TYPE_NOT_ALLOWED');
    await expect(
      codeOf(authoriser.authorise(insurer100, event('be.rtw.event.rejected', insurer100))),
    ).resolves.toBe('EVENT_TYPE_NOT_ALLOWED');
    await expect(
      codeOf(authoriser.authorise(inami, event('be.rtw.dossier.opened', inami))),
    ).resolves.toBe('EVENT_TYPE_NOT_ALLOWED');
  });

  it('lets a partner answer only for a dossier referred to it', async () => {
    const referred = event('be.rtw.regional.trajectory.started', vdab);
    relations.refer(referred.subject, { kind: 'regional', code: 'vdab' });
    await expect(codeOf(authoriser.authorise(vdab, referred))).resolves.toBeUndefined();
    await expect(
      codeOf(authoriser.authorise(vdab, event('be.rtw.regional.trajectory.started', vdab))),
    ).resolves.toBe('DOSSIER_NOT_REFERRED');
  });

  it('never lets two kinds publish the same event type', () => {
    const all = Object.values(PUBLISH_MATRIX).flat();
    expect(new Set(all).size).toBe(all.length);
  });
});
