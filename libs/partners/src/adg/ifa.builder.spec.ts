import { PartnerContracts } from '../partner-contracts';
import { regionalReferral } from '../testing/partner.fixtures';
import { partnerError } from '../testing/partner-error.expect';

let contracts: PartnerContracts;
beforeAll(async () => {
  contracts = await PartnerContracts.load();
});
afterAll(() => contracts.dispose());

describe('the ADG IFA', () => {
  it('is a German JSON document with German code lists and only the contract’s fields', () => {
    const input = regionalReferral('adg', {
      referral: { purpose: 'training', coordinator: { name: 'Aus dem Ereignis' } },
      dossier: {
        scheme: 'helping-spouse',
        incapacity: { startDate: '2024-10-01', phase: 'invalidity' },
      },
      context: { coordinator: undefined },
    });
    const ifa = contracts.buildRegionalReferral(input);
    expect(ifa).toMatchObject({
      partner: 'adg',
      schemaId: 'urn:rtw:partner:adg:ifa:v1',
      mediaType: 'application/json',
    });
    expect(ifa.content).toEqual({
      nachrichtId: 'MSG-000101',
      erstelltAm: '2026-06-03T10:15:00+02:00',
      referenzen: { dossier: input.dossier.dossierId, antrag: 'REF-ADG-0042', krankenkasse: '300' },
      person: {
        enss: input.dossier.insured.niss,
        name: 'Example',
        vorname: 'Amina',
        geschlecht: 'W',
        geburtsdatum: '1984-03-12',
        hauptwohnsitz: { postleitzahl: '4700', gemeinde: 'Eupen', nisKode: '63023' },
      },
      system: 'mithelfender-ehepartner',
      beschaeftigung: { arbeitsvertrag: false },
      arbeitsunfaehigkeit: { beginn: '2024-10-01', phase: 'invaliditaet' },
      antrag: { zweck: 'ausbildung', beantragtAm: '2026-06-02' },
      koordinator: { name: 'Aus dem Ereignis' },
      einwilligung: { erteiltAm: '2026-05-28' },
    });
  });

  it('follows the NIS code of a German-speaking municipality over its postal code', () => {
    const base = regionalReferral('adg');
    const input = {
      ...base,
      dossier: {
        ...base.dossier,
        insured: {
          ...base.dossier.insured,
          residence: { postalCode: '4800', municipality: 'Raeren', nisCode: '63061' },
        },
      },
    };
    expect(contracts.buildRegionalReferral(input).partner).toBe('adg');
  });

  it('refuses any disability partner', () => {
    const error = partnerError(() =>
      contracts.buildRegionalReferral(
        regionalReferral('adg', { referral: { disabilityPartner: 'aviq' } }),
      ),
    );
    expect(error.code).toBe('PARTNER_INPUT_INVALID');
  });
});
