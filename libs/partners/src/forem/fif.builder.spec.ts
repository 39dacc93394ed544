import { PartnerContracts } from '../partner-contracts';
import { RESIDENCES, regionalReferral } from '../testing/partner.fixtures';
import { partnerError } from '../testing/partner-error.expect';

let contracts: PartnerContracts;
beforeAll(async () => {
  contracts = await PartnerContracts.load();
});
afterAll(() => contracts.dispose());

describe('the Le Forem FIF', () => {
  it('is a French XML document with only the contract’s fields', () => {
    const input = regionalReferral('forem', {
      referral: { purpose: 'training', disabilityPartner: 'aviq' },
      dossier: {
        scheme: 'self-employed',
        incapacity: { startDate: '2024-10-01', phase: 'invalidity' },
      },
    });
    const fif = contracts.buildRegionalReferral(input);
    expect(fif).toMatchObject({
      partner: 'forem',
      schemaId: 'urn:rtw:partner:forem:fif:v1',
      mediaType: 'application/xml',
    });
    expect(fif.content).toEqual({
      identifiantMessage: 'MSG-000101',
      creeLe: '2026-06-03T10:15:00+02:00',
      references: {
        dossier: input.dossier.dossierId,
        demande: 'REF-FOREM-0042',
        organismeAssureur: '300',
      },
      personne: {
        niss: input.dossier.insured.niss,
        nom: 'Example',
        prenom: 'Amina',
        sexe: 'F',
        dateNaissance: '1984-03-12',
        residence: { rue: 'Rue du Modèle 7', codePostal: '5000', commune: 'Namur' },
      },
      regime: 'independant',
      emploi: { contratDeTravail: false },
      incapacite: { debut: '2024-10-01', phase: 'invalidite' },
      demande: { objet: 'formation', demandeeLe: '2026-06-02', aviqImpliquee: true },
      coordinateur: { nom: 'Coordinator Example', telephone: '+32 2 555 01 23' },
      consentement: { donneLe: '2026-05-28' },
    });
    expect(fif.body).toContain('<fif xmlns="urn:rtw:partner:forem:fif:v1">');
    expect(fif.body).toContain('<contratDeTravail>false</contratDeTravail>');
    expect(
      contracts.readMessage('forem', { body: fif.body, contentType: 'text/xml; charset=UTF-8' })
        .content,
    ).toEqual(fif.content);
  });

  it('keeps Malmedy, a French-speaking municipality near the German-speaking area, with Le Forem', () => {
    const input = regionalReferral('forem', {
      dossier: {
        insured: {
          ...regionalReferral('forem').dossier.insured,
          residence: { postalCode: '4960', municipality: 'Malmedy' },
        },
      },
    });
    expect(contracts.buildRegionalReferral(input).partner).toBe('forem');
  });

  it('refuses an insured of the German-speaking Community', () => {
    const input = regionalReferral('forem', {
      dossier: {
        insured: { ...regionalReferral('forem').dossier.insured, residence: RESIDENCES.adg },
      },
    });
    const error = partnerError(() => contracts.buildRegionalReferral(input));
    expect(error).toMatchObject({ code: 'PARTNER_NOT_COMPETENT', details: { competent: 'adg' } });
  });
});
