import { ContractRegistry } from '@rtw/contracts';
import type { DatasetVersion } from '../versions/dataset-version.types';
import { VersionError } from '../versions/version.error';
import { checkSubmittable, submissionOutboxMessage } from './submission.message';

const version: DatasetVersion = {
  id: '3f1c1a52-4a57-4c1e-9d0b-6b1f2f3c4d5e',
  insurer: '300',
  year: 2026,
  version: 1,
  frozenAt: '2027-01-15T08:00:00.000Z',
  frozenBy: 'urn:rtw:org:insurer:300/operator',
  eventsAtFreeze: 10,
  dossiersRead: 1,
  trajectoriesCounted: 1,
  findings: 0,
  files: { xml: { sha256: 'a'.repeat(64), bytes: 10 }, json: { sha256: 'b'.repeat(64), bytes: 5 } },
  status: 'frozen',
};

function codeOf(work: () => void): string | undefined {
  try {
    work();
    return undefined;
  } catch (error) {
    return error instanceof VersionError ? error.code : 'other';
  }
}

describe('the submission message', () => {
  it('refuses a version that a newer frozen version supersedes', () => {
    expect(codeOf(() => checkSubmittable(version, 2))).toBe('VERSION_SUPERSEDED');
  });

  it('refuses a version that was already submitted', () => {
    expect(codeOf(() => checkSubmittable({ ...version, status: 'acknowledged' }, 1))).toBe(
      'VERSION_ALREADY_SUBMITTED',
    );
  });

  it('accepts the newest frozen version', () => {
    expect(codeOf(() => checkSubmittable(version, 1))).toBeUndefined();
  });

  it('is a small record whatever the dataset size: the body travels by reference', () => {
    const message = submissionOutboxMessage(ContractRegistry.load(), {
      version: {
        ...version,
        files: { ...version.files, xml: { sha256: 'a'.repeat(64), bytes: 80e6 } },
      },
      now: new Date('2027-01-20T08:00:00.000Z'),
    });
    expect(message.topic).toBe('rtw.outbound.inami.v1');
    expect(Buffer.byteLength(message.value)).toBeLessThan(2048);
  });
});
