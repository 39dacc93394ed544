import { competentRegionalService } from './regional-service.lookup';
import { REGIONAL_SERVICES } from './regional-services.data';

describe('competentRegionalService by postal code', () => {
  it.each([
    ['1000', 'actiris'],
    ['1299', 'actiris'],
    ['1300', 'forem'],
    ['1499', 'forem'],
    ['1500', 'vdab'],
    ['1999', 'vdab'],
    ['2000', 'vdab'],
    ['3499', 'vdab'],
    ['3500', 'vdab'],
    ['3999', 'vdab'],
    ['4000', 'forem'],
    ['7999', 'forem'],
    ['8000', 'vdab'],
    ['9999', 'vdab'],
  ])('sends residents of %s to %s', (postalCode, service) => {
    expect(competentRegionalService({ postalCode })).toBe(service);
  });

  it.each([
    ['4700', 'Eupen'],
    ['4701', 'Eupen'],
    ['4710', 'Lontzen'],
    ['4711', 'Lontzen'],
    ['4720', 'Kelmis'],
    ['4721', 'Kelmis'],
    ['4728', 'Kelmis'],
    ['4730', 'Raeren'],
    ['4731', 'Raeren'],
    ['4750', 'Bütgenbach'],
    ['4760', 'Büllingen'],
    ['4761', 'Büllingen'],
    ['4770', 'Amel'],
    ['4771', 'Amel'],
    ['4780', 'Sankt Vith'],
    ['4784', 'Sankt Vith'],
    ['4790', 'Burg-Reuland'],
    ['4791', 'Burg-Reuland'],
  ])('sends residents of %s (%s) to ADG', (postalCode) => {
    expect(competentRegionalService({ postalCode })).toBe('adg');
  });

  it.each([
    ['4960', 'Malmedy'],
    ['4950', 'Waimes'],
    ['4729', 'a gap inside the German-speaking block'],
    ['4800', 'Verviers'],
  ])('keeps %s (%s) with Le Forem', (postalCode) => {
    expect(competentRegionalService({ postalCode })).toBe('forem');
  });

  it.each(['0999', '999', '10000', 'B-1000', ''])(
    'gives no service for the non-Belgian postal code %p',
    (postalCode) => {
      expect(competentRegionalService({ postalCode })).toBeUndefined();
    },
  );
});

describe('competentRegionalService with a NIS code', () => {
  it.each(['63001', '63012', '63013', '63023', '63040', '63048', '63061', '63067', '63087'])(
    'sends the German-speaking municipality %s to ADG whatever the postal code says',
    (nisCode) => {
      expect(competentRegionalService({ postalCode: '4800', nisCode })).toBe('adg');
    },
  );

  it('overrules a German-area postal code when the NIS code is of another municipality', () => {
    expect(competentRegionalService({ postalCode: '4700', nisCode: '63049' })).toBe('forem');
  });

  it('leaves the postal code in charge outside the German-speaking area', () => {
    expect(competentRegionalService({ postalCode: '9000', nisCode: '44021' })).toBe('vdab');
    expect(competentRegionalService({ postalCode: '1000', nisCode: '21004' })).toBe('actiris');
  });

  it('does not treat an inherited property name as a NIS code', () => {
    expect(competentRegionalService({ postalCode: '4800', nisCode: 'constructor' })).toBe('forem');
  });
});

describe('regional service reference data', () => {
  it('gives each service its referral form and languages', () => {
    expect(REGIONAL_SERVICES.actiris).toMatchObject({
      referralForm: 'FIA',
      languages: ['fr', 'nl'],
    });
    expect(REGIONAL_SERVICES.vdab).toMatchObject({ referralForm: 'AMF', languages: ['nl'] });
    expect(REGIONAL_SERVICES.forem).toMatchObject({ referralForm: 'FIF', languages: ['fr'] });
    expect(REGIONAL_SERVICES.adg).toMatchObject({ referralForm: 'IFA', languages: ['de'] });
  });
});
