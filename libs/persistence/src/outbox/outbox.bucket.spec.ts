import { OUTBOX_BUCKET_COUNT, bucketOf } from './outbox.bucket';

describe('bucketOf', () => {
  it('matches the published 32-bit FNV-1a test vectors, so buckets never move between versions', () => {
    // FNV-1a("a") = 0xe40c292c and FNV-1a("foobar") = 0xbf9cf968 (reference vectors).
    expect(bucketOf('a', 0x7fff)).toBe(0xe40c292c % 0x7fff);
    expect(bucketOf('foobar', 0x7fff)).toBe(0xbf9cf968 % 0x7fff);
  });

  it('puts every message of one key in the same bucket', () => {
    const key = 'dossier-7f3c2a';
    expect(new Set(Array.from({ length: 5 }, () => bucketOf(key))).size).toBe(1);
  });

  it('hashes UTF-8 bytes, so accented keys are stable too', () => {
    expect(bucketOf('é', 0x7fff)).not.toBe(bucketOf('e', 0x7fff));
    expect(bucketOf('é', 0x7fff)).toBe(bucketOf('\u00e9', 0x7fff));
  });

  it('stays within [0, bucketCount) and spreads keys over all buckets', () => {
    const counts = new Array<number>(OUTBOX_BUCKET_COUNT).fill(0);
    for (let i = 0; i < 6_400; i += 1) counts[bucketOf(`dossier-${i}`)]! += 1;
    expect(counts.every((count) => count > 50 && count < 150)).toBe(true);
  });

  it('rejects bucket counts a smallint column cannot hold', () => {
    expect(() => bucketOf('k', 0)).toThrow(RangeError);
    expect(() => bucketOf('k', 40_000)).toThrow(RangeError);
    expect(() => bucketOf('k', 2.5)).toThrow(RangeError);
  });
});
