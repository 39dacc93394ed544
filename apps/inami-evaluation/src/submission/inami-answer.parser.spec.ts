import { reasonsOfAnswer, referenceOfAnswer } from './inami-answer.parser';

describe("reading INAMI's reasons from its answer", () => {
  it('keeps the listed reasons with their texts', () => {
    const excerpt = JSON.stringify({
      code: 'REFUSED',
      message: 'the service refuses this message',
      reasons: [
        { code: 'QUARTER_TOTALS_INCONSISTENT', text: 'Q2 questionnaires exceed those sent' },
        { code: 'LATE' },
      ],
    });
    expect(reasonsOfAnswer(excerpt)).toEqual([
      { code: 'QUARTER_TOTALS_INCONSISTENT', text: 'Q2 questionnaires exceed those sent' },
      { code: 'LATE' },
    ]);
  });

  it('takes the problem code and message (with its pointer) when no reasons are listed', () => {
    const excerpt = JSON.stringify({
      code: 'PARTNER_DOCUMENT_INVALID',
      message: 'the dataset breaks its schema',
      pointer: '/costSharingKey/0',
    });
    expect(reasonsOfAnswer(excerpt)).toEqual([
      {
        code: 'PARTNER_DOCUMENT_INVALID',
        text: 'the dataset breaks its schema at /costSharingKey/0',
      },
    ]);
  });

  it.each([
    ['no excerpt', undefined],
    ['an excerpt cut short', '{"code":"REFUSED","reasons":[{"code":"LA'],
    ['an HTML error page', '<html><body>Bad request</body></html>'],
    ['a JSON array', '[{"code":"LATE"}]'],
    ['malformed codes only', JSON.stringify({ code: 'bad code', reasons: [{ code: 'x' }] })],
  ])('gives nothing for %s, so the receipt’s code stands', (_what, excerpt) => {
    expect(reasonsOfAnswer(excerpt)).toBeUndefined();
  });

  it('drops malformed codes, bounds the texts and masks long digit runs', () => {
    const reasons = reasonsOfAnswer(
      JSON.stringify({
        reasons: [
          { code: 'lower', text: 'dropped' },
          { code: 'TOO_LONG_TEXT', text: `see record 12345678901 ${'x'.repeat(400)}\n` },
        ],
      }),
    );
    expect(reasons).toHaveLength(1);
    expect(reasons![0]!.code).toBe('TOO_LONG_TEXT');
    expect(reasons![0]!.text).not.toMatch(/\d{9,}/);
    expect(reasons![0]!.text!.length).toBeLessThanOrEqual(300);
  });

  it('reads the reference of an acknowledgement when it is a safe token', () => {
    expect(referenceOfAnswer('{"status":"received","reference":"INAMI-2027-0042"}')).toBe(
      'INAMI-2027-0042',
    );
    expect(referenceOfAnswer('{"reference":"<script>"}')).toBeUndefined();
    expect(referenceOfAnswer('not json')).toBeUndefined();
  });
});
