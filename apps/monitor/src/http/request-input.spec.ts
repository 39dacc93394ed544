import { forwardedQuery, reasonOf, uuidParam } from './request-input';

function codeOf(work: () => unknown): string | undefined {
  try {
    work();
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  }
}

describe('the monitor API input checks', () => {
  it('passes on only the listed filters, each once, as text', () => {
    expect(forwardedQuery({ partner: 'actiris', code: '' }, ['partner', 'code'])).toBe(
      '?partner=actiris',
    );
    expect(forwardedQuery({}, ['partner'])).toBe('');
    expect(codeOf(() => forwardedQuery({ partnr: 'actiris' }, ['partner']))).toBe(
      'INVALID_REQUEST',
    );
    expect(codeOf(() => forwardedQuery({ partner: ['a', 'b'] }, ['partner']))).toBe(
      'INVALID_REQUEST',
    );
  });

  it('requires a reason of 10 to 500 characters with REASON_REQUIRED', () => {
    expect(reasonOf({ reason: '  partner is back up  ' })).toBe('partner is back up');
    expect(codeOf(() => reasonOf({ reason: 'short' }))).toBe('REASON_REQUIRED');
    expect(codeOf(() => reasonOf({ reason: 'x'.repeat(501) }))).toBe('REASON_REQUIRED');
    expect(codeOf(() => reasonOf({}))).toBe('REASON_REQUIRED');
    expect(codeOf(() => reasonOf(undefined))).toBe('REASON_REQUIRED');
  });

  it('accepts only canonical lower-case UUIDs as ids', () => {
    const id = '0b7f6f0e-0a4c-4c3e-9d55-8d3b0b4d9c1a';
    expect(uuidParam('id', id)).toBe(id);
    expect(codeOf(() => uuidParam('id', id.toUpperCase()))).toBe('INVALID_REQUEST');
    expect(codeOf(() => uuidParam('id', '../../v1/partners'))).toBe('INVALID_REQUEST');
  });
});
