import type { CanonicalEvent } from '@rtw/contracts';
import { deduplicateBatch } from './batch.deduplicator';
import type { SubmissionItem } from './submission.types';

const accept = (id: string, hash: string): SubmissionItem => ({
  verdict: 'accept',
  event: { id, source: 'urn:rtw:org:insurer:100' } as CanonicalEvent,
  hash,
  facts: { id },
});
const refuse: SubmissionItem = {
  verdict: 'refuse',
  refusal: { code: 'SCHEMA_REQUIRED', message: 'x' },
  facts: {},
};

describe('deduplicateBatch', () => {
  it('keeps the first occurrence of each key and points repeats at it, skipping refusals', () => {
    const { firsts, repeats } = deduplicateBatch([
      accept('a', 'h1'),
      refuse,
      accept('b', 'h2'),
      accept('a', 'h3'),
    ]);
    expect(firsts.map((item) => [item.index, item.id, item.hash])).toEqual([
      [0, 'a', 'h1'],
      [2, 'b', 'h2'],
    ]);
    expect([...repeats]).toEqual([[3, 0]]);
  });
});
