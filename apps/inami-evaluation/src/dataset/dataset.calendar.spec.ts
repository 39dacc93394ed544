import { ageBand, daysBetween, quarterOf, regionOf } from './dataset.calendar';

describe('the dataset calendar', () => {
  it.each([
    ['2026-01-01', 1],
    ['2026-03-31', 1],
    ['2026-04-01', 2],
    ['2026-06-30', 2],
    ['2026-07-01', 3],
    ['2026-09-30', 3],
    ['2026-10-01', 4],
    ['2026-12-31', 4],
  ])('puts %s in quarter %i of 2026', (date, quarter) => {
    expect(quarterOf(date, 2026)).toBe(quarter);
  });

  it('puts a date of another year in no quarter, and refuses what is not a date', () => {
    expect(quarterOf('2025-12-31', 2026)).toBeUndefined();
    expect(quarterOf('2027-01-01', 2026)).toBeUndefined();
    expect(quarterOf('31/12/2026', 2026)).toBeUndefined();
  });

  it.each([
    ['2002-01-13', 'under-25'],
    ['2001-01-12', '25-34'],
    ['1992-01-13', '25-34'],
    ['1991-01-12', '35-44'],
    ['1981-01-12', '45-54'],
    ['1971-01-12', '55-64'],
    ['1961-01-12', '65-and-over'],
  ])('gives a person born on %s the age band %s on 2026-01-12', (birthDate, band) => {
    expect(ageBand(birthDate, '2026-01-12')).toBe(band);
  });

  it('counts a birthday only once it is reached (25 on the day, 24 the day before)', () => {
    expect(ageBand('2001-01-12', '2026-01-12')).toBe('25-34');
    expect(ageBand('2001-01-13', '2026-01-12')).toBe('under-25');
  });

  it('gives the age band unknown without a birth date, without a reference date or for a birth after it', () => {
    expect(ageBand(undefined, '2026-01-12')).toBe('unknown');
    expect(ageBand('1980-01-01', undefined)).toBe('unknown');
    expect(ageBand('2027-01-01', '2026-01-12')).toBe('unknown');
  });

  it('counts calendar days between two dates, across a daylight saving change and a leap day', () => {
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2026-01-12', '2026-01-12')).toBe(0);
    expect(daysBetween('2026-01-12', '2026-01-10')).toBe(-2);
  });

  it('maps a residence to the region of its competent regional service (NIS code first)', () => {
    expect(regionOf({ postalCode: '1050' })).toBe('brussels');
    expect(regionOf({ postalCode: '9000' })).toBe('flanders');
    expect(regionOf({ postalCode: '5000' })).toBe('wallonia');
    expect(regionOf({ postalCode: '4700', nisCode: '63023' })).toBe('german-speaking-community');
    expect(regionOf({ postalCode: '4700', nisCode: '63049' })).toBe('wallonia');
    expect(regionOf(undefined)).toBe('unknown');
    expect(regionOf({ postalCode: '0001' })).toBe('unknown');
  });
});
