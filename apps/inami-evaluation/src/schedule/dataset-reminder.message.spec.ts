import { ContractRegistry } from '@rtw/contracts';
import { fromKafkaMessage } from '@rtw/messaging';
import type { DatasetVersion, VersionStatus } from '../versions/dataset-version.types';
import { datasetSubjectId, dueState, reminderOutboxMessage } from './dataset-reminder.message';

const contracts = ContractRegistry.load();

function version(number: number, status: VersionStatus, answer?: DatasetVersion['answer']) {
  return {
    id: '3f1c1a52-4a57-4c1e-9d0b-6b1f2f3c4d5e',
    insurer: '300',
    year: 2026,
    version: number,
    frozenAt: '2027-01-15T08:00:00.000Z',
    frozenBy: 'urn:rtw:org:insurer:300/operator',
    eventsAtFreeze: 10,
    dossiersRead: 1,
    trajectoriesCounted: 1,
    findings: 0,
    files: {
      xml: { sha256: 'a'.repeat(64), bytes: 10 },
      json: { sha256: 'b'.repeat(64), bytes: 5 },
    },
    status,
    ...(answer ? { answer } : {}),
  } satisfies DatasetVersion;
}

describe('the INAMI dataset reminder', () => {
  it.each([
    ['no version', [], 'not-frozen'],
    ['a frozen version', [version(1, 'frozen')], 'not-submitted'],
    ['a version with INAMI', [version(1, 'submitted')], 'waiting'],
    ['a refused version', [version(1, 'refused')], 'refused'],
    ['an undelivered version', [version(1, 'delivery-failed')], 'not-delivered'],
    [
      'a refused correction of an acknowledged version',
      [version(1, 'acknowledged'), version(2, 'refused')],
      'done',
    ],
    [
      'a frozen correction of a refused version',
      [version(1, 'refused'), version(2, 'frozen')],
      'not-submitted',
    ],
  ] as const)('with %s the dataset is %s', (_what, versions, state) => {
    expect(dueState(versions)).toBe(state);
  });

  it('names the dataset with a stable lower-case UUID that differs per insurer and year', () => {
    const id = datasetSubjectId({ insurer: '200', year: 2026 });
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(datasetSubjectId({ insurer: '200', year: 2026 })).toBe(id);
    expect(datasetSubjectId({ insurer: '200', year: 2027 })).not.toBe(id);
    expect(datasetSubjectId({ insurer: '300', year: 2026 })).not.toBe(id);
  });

  it("is a valid event on the insurer's topic, carrying INAMI's well-formed refusal codes only", () => {
    const row = reminderOutboxMessage(contracts, {
      key: { insurer: '300', year: 2026 },
      reminder: 2,
      today: '2027-01-09',
      now: new Date('2027-01-09T08:00:00Z'),
      state: 'refused',
      newest: version(1, 'refused', {
        outcome: 'refused',
        reasons: [{ code: 'LATE', text: 'after the date' }, { code: 'not a code' }],
      }),
    });
    expect(row.topic).toBe('rtw.notify.300.v1');
    const event = fromKafkaMessage({ key: row.key, value: row.value, headers: row.headers });
    expect(contracts.validateEvent(event)).toMatchObject({ ok: true });
    expect(event).toMatchObject({
      id: 'inami-dataset-due-300-2026-r2',
      type: 'be.rtw.inami-dataset.due',
      insurer: '300',
      data: { year: 2026, reminder: 2, state: 'refused', newestVersion: 1, refusalCodes: ['LATE'] },
    });
  });
});
