import { childTraceparent, createTraceparent, parseTraceparent } from './traceparent';

describe('traceparent', () => {
  it('creates a valid, sampled traceparent with a new trace id each time', () => {
    const first = parseTraceparent(createTraceparent());
    const second = parseTraceparent(createTraceparent());
    expect(first?.flags).toBe('01');
    expect(first?.traceId).not.toBe(second?.traceId);
  });

  it('continues the parent trace with a new span id and the same flags', () => {
    const parent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00';

    const child = parseTraceparent(childTraceparent(parent));

    expect(child?.traceId).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
    expect(child?.spanId).not.toBe('00f067aa0ba902b7');
    expect(child?.flags).toBe('00');
  });

  it('starts a new trace when the parent is missing or malformed', () => {
    for (const parent of [
      undefined,
      'garbage',
      '00-00000000000000000000000000000000-00f067aa0ba902b7-01',
    ]) {
      const child = parseTraceparent(childTraceparent(parent));
      expect(child).toBeDefined();
      expect(child?.traceId).not.toBe('0'.repeat(32));
    }
  });

  it('refuses unknown versions, upper-case hex and all-zero ids', () => {
    expect(
      parseTraceparent('01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01'),
    ).toBeUndefined();
    expect(
      parseTraceparent('00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01'),
    ).toBeUndefined();
    expect(
      parseTraceparent('00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01'),
    ).toBeUndefined();
  });
});
