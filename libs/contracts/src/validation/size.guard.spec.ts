import { DEFAULT_MAX_EVENT_BYTES, checkSize } from './size.guard';

describe('checkSize', () => {
  it('accepts events up to the default limit of 256 KiB and rejects one byte more', () => {
    expect(DEFAULT_MAX_EVENT_BYTES).toBe(262_144);
    expect(checkSize('x'.repeat(DEFAULT_MAX_EVENT_BYTES))).toEqual({
      ok: true,
      bytes: DEFAULT_MAX_EVENT_BYTES,
    });
    expect(checkSize('x'.repeat(DEFAULT_MAX_EVENT_BYTES + 1))).toEqual({
      ok: false,
      errors: [
        {
          pointer: '',
          code: 'EVENT_TOO_LARGE',
          message: 'event is 262145 bytes, more than the limit of 262144 bytes',
        },
      ],
    });
  });

  it('counts UTF-8 bytes of strings, not characters', () => {
    // "é" is one character but two bytes.
    expect(checkSize('é'.repeat(6), 11).ok).toBe(false);
    expect(checkSize('é'.repeat(6), 12)).toEqual({ ok: true, bytes: 12 });
  });

  it('measures byte buffers by their length', () => {
    expect(checkSize(new Uint8Array(10), 10).ok).toBe(true);
    expect(checkSize(Buffer.alloc(11), 10).ok).toBe(false);
  });

  it('refuses a limit that is not a positive integer', () => {
    expect(() => checkSize('{}', 0)).toThrow(RangeError);
    expect(() => checkSize('{}', 1.5)).toThrow(RangeError);
  });
});
