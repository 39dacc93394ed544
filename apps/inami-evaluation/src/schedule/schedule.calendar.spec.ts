import { belgianDate, scheduleMoment } from './schedule.calendar';

const weekly = { startDay: 2, everyDays: 7 };

describe('the yearly schedule calendar', () => {
  it('counts Belgian days: 23:30 UTC on 1 January is already the 2nd in Brussels', () => {
    expect(belgianDate(new Date('2027-01-01T23:30:00Z'))).toBe('2027-01-02');
    expect(scheduleMoment(new Date('2027-01-01T23:30:00Z'), weekly)).toEqual({
      today: '2027-01-02',
      year: 2026,
      period: 1,
    });
  });

  it('has nothing due before the start day of January', () => {
    expect(scheduleMoment(new Date('2027-01-01T10:00:00Z'), weekly)?.period).toBe(0);
    expect(scheduleMoment(new Date('2026-12-31T10:00:00Z'), weekly)).toMatchObject({
      year: 2025,
    });
  });

  it('moves to the next period every `everyDays` days from the start day', () => {
    const period = (iso: string) => scheduleMoment(new Date(iso), weekly)?.period;
    expect(period('2027-01-08T10:00:00Z')).toBe(1);
    expect(period('2027-01-09T10:00:00Z')).toBe(2);
    expect(period('2027-01-16T10:00:00Z')).toBe(3);
    expect(period('2027-03-01T10:00:00Z')).toBe(9);
    expect(
      scheduleMoment(new Date('2027-01-20T10:00:00Z'), { startDay: 15, everyDays: 1 }),
    ).toEqual({ today: '2027-01-20', year: 2026, period: 6 });
  });

  it('has no dataset before the first year of trajectories', () => {
    expect(scheduleMoment(new Date('2022-01-10T10:00:00Z'), weekly)).toBeUndefined();
    expect(scheduleMoment(new Date('2023-01-10T10:00:00Z'), weekly)?.year).toBe(2022);
  });
});
