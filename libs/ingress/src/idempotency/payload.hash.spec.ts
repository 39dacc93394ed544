import { canonicalJson, payloadHash } from './payload.hash';

describe('payloadHash', () => {
  it('is the same for the same content whatever the key order', () => {
    expect(payloadHash({ a: 1, b: { c: [1, 2], d: null } })).toBe(
      payloadHash({ b: { d: null, c: [1, 2] }, a: 1 }),
    );
    expect(canonicalJson({ b: 1, a: 'x' })).toBe('{"a":"x","b":1}');
  });

  it('differs when a value or the order of an array differs', () => {
    expect(payloadHash({ a: [1, 2] })).not.toBe(payloadHash({ a: [2, 1] }));
    expect(payloadHash({ a: '1' })).not.toBe(payloadHash({ a: 1 }));
  });
});
