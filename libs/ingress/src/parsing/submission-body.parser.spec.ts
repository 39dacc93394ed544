import { parseBatchBody } from './submission-body.parser';

const bytes = (text: string) => Buffer.from(text);

describe('parseBatchBody', () => {
  it('returns the candidates of a JSON array', () => {
    expect(parseBatchBody(bytes('[{"a":1},2]'), 5)).toEqual([{ a: 1 }, 2]);
  });

  it.each([
    ['an object', '{"a":1}', 'BATCH_NOT_ARRAY'],
    ['an empty array', '[]', 'BATCH_EMPTY'],
    ['more events than allowed', '[1,2,3]', 'BATCH_TOO_LARGE'],
  ])('refuses %s', (_what, text, code) => {
    expect(() => parseBatchBody(bytes(text), 2)).toThrow(expect.objectContaining({ code }));
  });
});
