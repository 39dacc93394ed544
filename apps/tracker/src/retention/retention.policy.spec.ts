import { belgianDate } from '../deadlines/deadline.scheduler';
import { isPurgeable, retentionUntil } from './retention.policy';

describe('retentionUntil', () => {
  it.each([
    // [incapacity ended on, last day kept]
    ['2024-05-10', '2027-12-31'],
    ['2024-01-01', '2027-12-31'],
    ['2024-12-31', '2027-12-31'],
    ['2025-01-01', '2028-12-31'],
    ['2023-12-31', '2026-12-31'],
    ['2024-02-29', '2027-12-31'],
    ['2027-02-28', '2030-12-31'],
  ])('keeps a dossier whose incapacity ended on %s until %s', (endedOn, until) => {
    expect(retentionUntil(endedOn)).toBe(until);
  });

  it('counts three whole years from 1 January after the closure, leap years included', () => {
    // 2025-01-01 to 2027-12-31 spans 2025, 2026 and 2027; 2028-01-01 to 2030-12-31 spans a leap year.
    expect(retentionUntil('2024-06-30')).toBe('2027-12-31');
    expect(retentionUntil('2027-06-30')).toBe('2030-12-31');
  });
});

describe('isPurgeable', () => {
  const closed = { status: 'closed', retentionUntil: '2027-12-31' };

  it('keeps a closed dossier through its last day of retention', () => {
    expect(isPurgeable(closed, '2027-12-31')).toBe(false);
  });

  it('erases a closed dossier from the day after its last day of retention', () => {
    expect(isPurgeable(closed, '2028-01-01')).toBe(true);
  });

  it('never erases an open dossier, however old its incapacity end', () => {
    expect(isPurgeable({ status: 'open', retentionUntil: '2020-12-31' }, '2030-01-01')).toBe(false);
  });

  it('never erases a closed dossier whose incapacity has not ended', () => {
    expect(isPurgeable({ status: 'closed', retentionUntil: null }, '2099-01-01')).toBe(false);
  });

  it('turns on the Belgian date: 1 January starts at 23:00 UTC on 31 December in winter', () => {
    const lastEvening = belgianDate(new Date('2027-12-31T22:59:00Z'));
    const newYearNight = belgianDate(new Date('2027-12-31T23:00:00Z'));
    expect([isPurgeable(closed, lastEvening), isPurgeable(closed, newYearNight)]).toEqual([
      false,
      true,
    ]);
  });
});
