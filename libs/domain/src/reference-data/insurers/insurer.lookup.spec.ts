import { insurerByCode, isKnownInsurer, sendsTrajectoryData } from './insurer.lookup';
import { INSURERS, INSURERS_SOURCE } from './insurers.data';

describe('insurer reference data', () => {
  it('has unique 3-digit codes, each with a French and a Dutch name', () => {
    const codes = INSURERS.map((i) => i.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const insurer of INSURERS) {
      expect(insurer.code).toMatch(/^\d{3}$/);
      expect(insurer.names.fr.length).toBeGreaterThan(0);
      expect(insurer.names.nl.length).toBeGreaterThan(0);
    }
  });

  it('states its source', () => {
    expect(INSURERS_SOURCE).toMatch(/ocm-cdz\.be/);
  });

  it.each([
    ['100', 'CM'],
    ['200', 'LNZ'],
    ['300', 'Solidaris'],
    ['400', 'LM'],
    ['500', 'MLOZ'],
    ['600', 'HZIV'],
  ])('knows %s (%s) as an insurer that sends trajectory data', (code, brand) => {
    expect(insurerByCode(code)?.brands).toContain(brand);
    expect(sendsTrajectoryData(code)).toBe(true);
  });

  it('knows HR Rail (900) but flags it as paying no incapacity benefits and sending no trajectories', () => {
    expect(isKnownInsurer('900')).toBe(true);
    expect(insurerByCode('900')).toMatchObject({
      paysIncapacityBenefits: false,
      sendsTrajectoryData: false,
    });
    expect(sendsTrajectoryData('900')).toBe(false);
  });

  it('does not know other codes', () => {
    expect(isKnownInsurer('700')).toBe(false);
    expect(insurerByCode('700')).toBeUndefined();
    expect(sendsTrajectoryData('700')).toBe(false);
  });

  it('marks the unconfirmed facts as secondary', () => {
    expect(insurerByCode('600')?.secondary).toContain('code 600');
    expect(insurerByCode('300')?.secondary?.join(' ')).toMatch(/Vooruit/);
  });
});
