import { generateNiss } from '@rtw/testing';
import { maskNiss } from './niss.mask';

describe('maskNiss', () => {
  it('keeps the birth-date digits and hides sequence and check digits', () => {
    const niss = generateNiss({ birthDate: '1985-07-30' });
    expect(maskNiss(niss)).toBe('85.07.30-***.**');
  });

  it('never shows the last five digits', () => {
    const niss = generateNiss();
    expect(maskNiss(niss)).not.toContain(niss.slice(6));
  });

  it.each([
    ['too short', '1234'],
    ['not digits', 'abcdefghijk'],
    ['empty', ''],
  ])('masks a malformed value (%s) entirely', (_label, input) => {
    expect(maskNiss(input)).toBe('**.**.**-***.**');
  });
});
