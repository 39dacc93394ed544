import { randomUUID } from 'node:crypto';
import { ContractRegistry } from '@rtw/contracts';
import { generateNiss, exampleEvent } from '@rtw/testing';
import { PublishAuthoriser } from '../authorisation/publish.authoriser';
import { InMemoryRelationRegister } from '../authorisation/relation-register.port';
import type { Organisation } from '../organisations/organisation.types';
import { EventJudge } from './event.judge';

const insurer100: Organisation = {
  id: 'insurer:100',
  kind: 'insurer',
  code: '100',
  source: 'urn:rtw:org:insurer:100',
  certificateFingerprints: [],
};

describe('EventJudge', () => {
  const judge = new EventJudge(
    ContractRegistry.load(),
    new PublishAuthoriser(new InMemoryRelationRegister()),
  );
  const address = () => ({ dossierId: randomUUID(), insurer: '100', niss: generateNiss() });

  it('accepts a valid event of the caller and keeps its safe identifiers', async () => {
    const candidate = exampleEvent('dossier.opened', address());
    const judgement = await judge.judge(insurer100, candidate);
    expect(judgement).toMatchObject({
      ok: true,
      facts: {
        id: candidate['id'],
        type: 'be.rtw.dossier.opened',
        dossierId: candidate['subject'],
      },
    });
  });

  it('refuses a NISS with bad check digits with its own code and pointer', async () => {
    const candidate = exampleEvent('dossier.opened', address());
    const insured = (candidate['data'] as { insured: { niss: string } }).insured;
    insured.niss =
      insured.niss.slice(0, 9) + String((Number(insured.niss.slice(9)) + 1) % 100).padStart(2, '0');
    await expect(judge.judge(insurer100, candidate)).resolves.toMatchObject({
      ok: false,
      refusal: { code: 'NISS_INVALID', pointer: '/data/insured/niss' },
    });
  });

  it('refuses a schema violation, an unknown type and an unknown version with distinct codes', async () => {
    const missing = exampleEvent('questionnaire.sent', address());
    delete (missing['data'] as Record<string, unknown>)['dueOn'];
    const unknownType = {
      ...exampleEvent('questionnaire.sent', address()),
      type: 'be.rtw.questionnaire.lost',
      dataschema: 'urn:rtw:schema:be.rtw.questionnaire.lost:v1',
    };
    const unknownVersion = {
      ...exampleEvent('questionnaire.sent', address()),
      dataschema: 'urn:rtw:schema:be.rtw.questionnaire.sent:v9',
    };

    await expect(judge.judge(insurer100, missing)).resolves.toMatchObject({
      refusal: { code: 'SCHEMA_REQUIRED', pointer: '/data/dueOn' },
    });
    await expect(judge.judge(insurer100, unknownType)).resolves.toMatchObject({
      refusal: { code: 'UNKNOWN_EVENT_TYPE' },
    });
    await expect(judge.judge(insurer100, unknownVersion)).resolves.toMatchObject({
      refusal: { code: 'UNKNOWN_SCHEMA_VERSION' },
    });
  });

  it('checks the right to publish only after the contract', async () => {
    const other = exampleEvent('dossier.opened', { ...address(), insurer: '200' });
    await expect(judge.judge(insurer100, other)).resolves.toMatchObject({
      ok: false,
      refusal: { code: 'SOURCE_MISMATCH' },
    });
    const foreign = exampleEvent('dossier.opened', {
      ...address(),
      insurer: '200',
      source: insurer100.source,
    });
    await expect(judge.judge(insurer100, foreign)).resolves.toMatchObject({
      ok: false,
      refusal: { code: 'INSURER_MISMATCH', pointer: '/insurer' },
    });
  });

  it('keeps no identifier that does not have its contract shape', async () => {
    const judgement = await judge.judge(insurer100, {
      id: 'has spaces',
      type: 'x',
      subject: generateNiss(),
    });
    expect(judgement).toMatchObject({
      ok: false,
      facts: { id: undefined, type: undefined, dossierId: undefined },
    });
  });
});
