import { Writable } from 'node:stream';
import { createLogger } from './logger';
import { scrubText } from './redaction';
import { generateNiss, seededRandom } from '@rtw/testing';

function capture(): { lines: () => Record<string, unknown>[]; stream: Writable } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return {
    stream,
    lines: () =>
      chunks
        .join('')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l)),
  };
}

const SAMPLE_NISS = generateNiss({ random: seededRandom(7) });
const [yy, mm, dd, serial, check] = [0, 2, 4, 6, 9].map((at, i, all) =>
  SAMPLE_NISS.slice(at, all[i + 1]),
);

describe('createLogger', () => {
  it('writes one JSON object per line with app, level and message', () => {
    const out = capture();
    createLogger({ app: 'tracker', destination: out.stream }).info(
      { dossierId: 'd-1' },
      'event accepted',
    );
    expect(out.lines()[0]).toMatchObject({
      app: 'tracker',
      level: 'info',
      dossierId: 'd-1',
      msg: 'event accepted',
    });
  });

  it('redacts personal-data fields wherever they sit in the logged object', () => {
    const out = capture();
    const logger = createLogger({ app: 'gateway', destination: out.stream });
    logger.info(
      {
        niss: SAMPLE_NISS,
        insured: { lastName: 'Peeters' },
        event: { data: { niss: SAMPLE_NISS } },
      },
      'x',
    );
    const text = JSON.stringify(out.lines()[0]);
    expect(text).not.toContain(SAMPLE_NISS);
    expect(text).not.toContain('Peeters');
    expect(out.lines()[0]).toMatchObject({ niss: '[redacted]', insured: '[redacted]' });
  });

  it('scrubs NISS-shaped numbers out of messages and error texts', () => {
    const out = capture();
    const logger = createLogger({ app: 'gateway', destination: out.stream });
    logger.warn({ err: new Error(`bad value ${SAMPLE_NISS}`) }, `rejected ${SAMPLE_NISS}`);
    const text = JSON.stringify(out.lines()[0]);
    expect(text).not.toContain(SAMPLE_NISS);
    expect(out.lines()[0]).toMatchObject({ msg: 'rejected [niss-redacted]' });
  });
});

describe('scrubText', () => {
  it('replaces the plain and the display forms of a NISS', () => {
    expect(scrubText(`a ${SAMPLE_NISS} b ${yy}.${mm}.${dd}-${serial}.${check} c`)).toBe(
      'a [niss-redacted] b [niss-redacted] c',
    );
  });

  it('leaves other numbers alone', () => {
    expect(scrubText('offset 1234567 partition 3')).toBe('offset 1234567 partition 3');
  });
});
