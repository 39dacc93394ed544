import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ContractRegistry, locateSchemasDir } from '@rtw/contracts';
import {
  ECHO_SENTINEL,
  applyMutations,
  eventMutations,
  fuzzParameters,
  type JsonEvent,
} from '@rtw/testing';
import { InMemoryRelationRegister } from '../authorisation/relation-register.port';
import { PublishAuthoriser } from '../authorisation/publish.authoriser';
import { isReasonCode } from '../errors/reason.codes';
import { ORGANISATION_KINDS, type Organisation } from '../organisations/organisation.types';
import { isEventId } from './event-facts';
import { EventJudge, type Judgement } from './event.judge';

/** Every committed valid example, with the organisation its `source` names (its insurer for the hub's). */
const EXAMPLES = readdirSync(join(locateSchemasDir(), 'examples', 'valid'))
  .filter((file) => file.endsWith('.json'))
  .sort()
  .map((file) => {
    const event = JSON.parse(
      readFileSync(join(locateSchemasDir(), 'examples', 'valid', file), 'utf8'),
    ) as JsonEvent;
    return { file, event, organisation: organisationOf(event) };
  });

function organisationOf(event: JsonEvent): Organisation {
  const [, kind, code] = /^urn:rtw:org:([a-z]+):(.+)$/.exec(String(event['source'])) ?? [];
  const known = ORGANISATION_KINDS.find((candidate) => candidate === kind);
  const [orgKind, orgCode] =
    known && code ? [known, code] : ['insurer' as const, String(event['insurer'])];
  return {
    id: `${orgKind}:${orgCode}`,
    kind: orgKind,
    code: orgCode,
    source: `urn:rtw:org:${orgKind}:${orgCode}`,
    certificateFingerprints: [],
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** What must hold of any verdict, whatever was judged. */
function expectWellFormed(judgement: Judgement): void {
  const { id, dossierId } = judgement.facts;
  expect(id === undefined || isEventId(id)).toBe(true);
  expect(dossierId === undefined || UUID.test(dossierId)).toBe(true);
  if (judgement.ok) return;
  const { code, message, pointer } = judgement.refusal;
  expect([code, isReasonCode(code)]).toEqual([code, true]);
  expect(message.length).toBeGreaterThan(0);
  expect(message).not.toContain(ECHO_SENTINEL);
  if (pointer !== undefined) expect(pointer === '' || pointer.startsWith('/')).toBe(true);
}

describe('EventJudge under generated input', () => {
  const judge = new EventJudge(
    ContractRegistry.load(),
    new PublishAuthoriser(new InMemoryRelationRegister()),
  );

  it('finds every committed example valid against its contract (the base the mutations start from)', async () => {
    const verdicts = await Promise.all(
      EXAMPLES.map(async ({ file, event, organisation }) => {
        const judgement = await judge.judge(organisation, event);
        return [file, judgement.ok ? 'ok' : judgement.refusal.code];
      }),
    );
    // Hub events and partner answers are refused for who sends them, never for their contract.
    for (const [file, verdict] of verdicts)
      expect([
        file,
        ['ok', 'EVENT_TYPE_NOT_ALLOWED', 'SOURCE_MISMATCH', 'DOSSIER_NOT_REFERRED'].includes(
          verdict!,
        ),
      ]).toEqual([file, true]);
  });

  it('judges mutated valid events without throwing, refusing with a known code and a message that repeats nothing sent', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...EXAMPLES),
        eventMutations(),
        async (example, mutations) => {
          expectWellFormed(
            await judge.judge(example.organisation, applyMutations(example.event, mutations)),
          );
        },
      ),
      fuzzParameters(600),
    );
  });

  it('judges any JSON value without throwing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...EXAMPLES),
        fc.oneof(
          fc.jsonValue({ maxDepth: 4 }),
          fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 2 })),
        ),
        async (example, candidate) => {
          expectWellFormed(await judge.judge(example.organisation, candidate));
        },
      ),
      fuzzParameters(300),
    );
  });
});
