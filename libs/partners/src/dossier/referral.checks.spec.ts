import { contactLanguage, requireCompetentService } from './referral.checks';

describe('requireCompetentService', () => {
  const dossier = (postalCode: string, nisCode?: string) => ({
    dossierId: 'd-1',
    insured: { residence: { postalCode, municipality: 'X', ...(nisCode ? { nisCode } : {}) } },
  });

  it.each([
    ['actiris', '1000'],
    ['vdab', '2000'],
    ['forem', '4000'],
    ['adg', '4700'],
  ] as const)('accepts %s for a residence at %s', (service, postalCode) => {
    expect(() => requireCompetentService(service, dossier(postalCode))).not.toThrow();
  });

  it('refuses a regional service answering or referred for a person of another region', () => {
    expect(() => requireCompetentService('vdab', dossier('5000'))).toThrow(
      expect.objectContaining({
        code: 'PARTNER_NOT_COMPETENT',
        details: { service: 'vdab', competent: 'forem' },
      }),
    );
  });

  it('refuses a residence outside Belgium’s postal codes', () => {
    expect(() => requireCompetentService('actiris', dossier('0999'))).toThrow(
      expect.objectContaining({
        code: 'PARTNER_NOT_COMPETENT',
        details: { service: 'actiris', competent: null },
      }),
    );
  });
});

describe('contactLanguage', () => {
  it('keeps a language the service offers and falls back to its default otherwise', () => {
    expect(contactLanguage('actiris', undefined, 'nl')).toBe('nl');
    expect(contactLanguage('actiris', 'fr', 'nl')).toBe('fr');
    expect(contactLanguage('actiris', undefined, 'de')).toBe('fr');
    expect(contactLanguage('vdab', 'fr', 'fr')).toBe('nl');
  });
});
