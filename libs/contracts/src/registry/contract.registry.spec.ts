import * as fs from 'node:fs';
import * as path from 'node:path';
import { generateNiss, seededRandom } from '@rtw/testing';
import { EVENT_TYPES } from '@rtw/contract-types';
import { deleteAt, exampleEvent, setAt } from '../testing/example-events.fixture';
import { ContractRegistry } from './contract.registry';

describe('ContractRegistry', () => {
  const registry = ContractRegistry.load();
  const random = seededRandom(11);

  it('loads one contract per event type of the generated EVENT_TYPES list', () => {
    expect(registry.contracts().map((c) => c.type)).toEqual([...EVENT_TYPES]);
    expect(registry.versionsOf('be.rtw.dossier.opened')).toEqual([1]);
  });

  it('covers exactly the event types named in the event catalogue', () => {
    const catalogue = fs.readFileSync(
      path.join(registry.schemaSet.schemasDir, '..', 'docs/design/event-catalogue.md'),
      'utf8',
    );
    const named = new Set<string>();
    for (const row of catalogue.split('\n').filter((line) => line.startsWith('| `be.rtw.'))) {
      const [first, ...suffixes] = [...row.split('|')[1]!.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
      named.add(first!);
      // "`be.rtw.cpmt.referral.accepted` / `.rejected`" names a sibling verb.
      for (const suffix of suffixes) named.add(first!.replace(/\.[^.]+$/, suffix));
    }
    expect([...named].sort()).toEqual([...EVENT_TYPES].sort());
  });

  it('accepts a valid event and returns it typed', () => {
    const event = setAt(
      exampleEvent('dossier.opened'),
      '/data/insured/niss',
      generateNiss({ sex: 'F', birthDate: '1979-04-18', random }),
    );
    const result = registry.validateEvent(event);
    expect(result).toEqual({ ok: true, event });
  });

  it('points at /data/... for data errors and never echoes the offending value', () => {
    const niss = generateNiss({ random });
    const wrong = niss.slice(0, 9) + String((Number(niss.slice(9)) + 1) % 100).padStart(2, '0');
    const result = registry.validateEvent(
      setAt(exampleEvent('dossier.opened'), '/data/insured/niss', wrong),
    );
    expect(result).toEqual({
      ok: false,
      errors: [expect.objectContaining({ pointer: '/data/insured/niss', code: 'NISS_INVALID' })],
    });
    expect(JSON.stringify(result)).not.toContain(wrong);
  });

  it('reports a missing required property with the pointer of the missing property', () => {
    const event = deleteAt(
      exampleEvent('ami.launched'),
      '/data/engagementDeclaration/insuredSignedOn',
    );
    const result = registry.validateEvent(event);
    expect(result.ok || result.errors[0]).toEqual(
      expect.objectContaining({
        pointer: '/data/engagementDeclaration/insuredSignedOn',
        code: 'SCHEMA_REQUIRED',
      }),
    );
  });

  it('rejects an unknown type, an unknown version and a dataschema naming another type', () => {
    const unknownType = {
      ...exampleEvent('dossier.closed'),
      type: 'be.rtw.dossier.archived',
      dataschema: 'urn:rtw:schema:be.rtw.dossier.archived:v1',
    };
    const unknownVersion = {
      ...exampleEvent('dossier.closed'),
      dataschema: 'urn:rtw:schema:be.rtw.dossier.closed:v2',
    };
    const mismatch = {
      ...exampleEvent('dossier.closed'),
      dataschema: 'urn:rtw:schema:be.rtw.work.resumed:v1',
    };
    const first = (event: unknown) => {
      const result = registry.validateEvent(event);
      return result.ok ? undefined : [result.errors[0]!.code, result.errors[0]!.pointer];
    };
    expect(first(unknownType)).toEqual(['UNKNOWN_EVENT_TYPE', '/type']);
    expect(first(unknownVersion)).toEqual(['UNKNOWN_SCHEMA_VERSION', '/dataschema']);
    expect(first(mismatch)).toEqual(['ENVELOPE_INVALID', '/dataschema']);
  });

  it('rejects values that are not JSON objects as ENVELOPE_INVALID', () => {
    for (const value of [null, [], 'event', 42]) {
      expect(registry.validateEvent(value)).toEqual({
        ok: false,
        errors: [expect.objectContaining({ code: 'ENVELOPE_INVALID', pointer: '' })],
      });
    }
  });

  it('checks the size before parsing raw events, with a configurable limit', () => {
    const raw = JSON.stringify(exampleEvent('contact.held'));
    expect(registry.validateRaw(raw).ok).toBe(true);
    expect(registry.validateRaw(raw, 64)).toEqual({
      ok: false,
      errors: [expect.objectContaining({ code: 'EVENT_TOO_LARGE' })],
    });
    const small = ContractRegistry.load({ maxEventBytes: 64 });
    expect(small.validateRaw(Buffer.from(raw))).toEqual({
      ok: false,
      errors: [expect.objectContaining({ code: 'EVENT_TOO_LARGE' })],
    });
    // Oversized garbage is refused by size, not by a parse error.
    expect(registry.validateRaw('{'.repeat(300 * 1024))).toEqual({
      ok: false,
      errors: [expect.objectContaining({ code: 'EVENT_TOO_LARGE' })],
    });
  });

  it('reports unparseable raw events without quoting them', () => {
    const niss = generateNiss({ random });
    const result = registry.validateRaw(`{"niss": "${niss}",`);
    expect(result).toEqual({
      ok: false,
      errors: [{ pointer: '', code: 'ENVELOPE_INVALID', message: 'event is not valid JSON' }],
    });
  });

  it('redacts unknown property names that look like personal data', () => {
    const event = setAt(exampleEvent('contact.held'), `/data/${generateNiss({ random })}`, true);
    const result = registry.validateEvent(event);
    expect(result).toEqual({
      ok: false,
      errors: [
        expect.objectContaining({
          code: 'SCHEMA_ADDITIONAL_PROPERTY',
          pointer: '/data/(redacted)',
        }),
      ],
    });
  });
});
