import { parseXml } from '@rtw/xml';
import { PartnerContracts } from '../partner-contracts';
import { regionalReferral } from '../testing/partner.fixtures';
import { partnerError } from '../testing/partner-error.expect';

let contracts: PartnerContracts;
beforeAll(async () => {
  contracts = await PartnerContracts.load();
});
afterAll(() => contracts.dispose());

describe('the Actiris FIA', () => {
  it('holds exactly the fields the FIA contract lists, taken from the dossier and the referral', () => {
    const input = regionalReferral('actiris', {
      referral: { purpose: 'job-search-support', contactLanguage: 'nl' },
    });
    const fia = contracts.buildRegionalReferral(input);
    expect(fia).toMatchObject({
      partner: 'actiris',
      schemaId: 'urn:rtw:partner:actiris:fia:v1',
      mediaType: 'application/xml',
    });
    expect(fia.content).toEqual({
      identifiantMessage: 'MSG-000101',
      creeLe: '2026-06-03T10:15:00+02:00',
      references: {
        dossier: input.dossier.dossierId,
        demande: 'REF-ACTIRIS-0042',
        organismeAssureur: '300',
      },
      personne: {
        niss: input.dossier.insured.niss,
        nom: 'Example',
        prenom: 'Amina',
        sexe: 'F',
        dateNaissance: '1984-03-12',
        langueContact: 'nl',
        residence: { rue: 'Rue de l’Exemple 12', codePostal: '1030', commune: 'Schaerbeek' },
      },
      regime: 'chomeur',
      incapacite: { debut: '2026-01-05', phase: 'primaire' },
      demande: { objet: 'recherche-emploi', demandeeLe: '2026-06-02' },
      coordinateur: { nom: 'Coordinator Example', telephone: '+32 2 555 01 23' },
      consentement: { donneLe: '2026-05-28' },
      echeancePresentation: '2026-09-02',
    });
  });

  it('serializes to an XML document in the FIA namespace that reads back to the same content', async () => {
    const fia = contracts.buildRegionalReferral(regionalReferral('actiris'));
    expect(
      fia.body.startsWith(
        '<?xml version="1.0" encoding="UTF-8"?>\n<fia xmlns="urn:rtw:partner:actiris:fia:v1">',
      ),
    ).toBe(true);
    expect(parseXml(fia.body).children.map((child) => child.localName)).toEqual([
      'identifiantMessage',
      'creeLe',
      'references',
      'personne',
      'regime',
      'incapacite',
      'demande',
      'coordinateur',
      'consentement',
      'echeancePresentation',
    ]);
    const read = contracts.readMessage('actiris', {
      body: fia.body,
      contentType: 'application/xml',
    });
    expect(read.content).toEqual(fia.content);
  });

  it('leaves out the employer and job title, which the FIA does not list', () => {
    const fia = contracts.buildRegionalReferral(
      regionalReferral('actiris', {
        dossier: {
          employment: {
            hasContract: true,
            employerEnterpriseNumber: '0403170701',
            jobTitle: 'Clerk',
          },
        },
      }),
    );
    expect(fia.body).not.toContain('0403170701');
    expect(fia.body).not.toContain('Clerk');
  });

  it.each([
    ['the dossier language when the referral asks none', undefined, 'nl', 'nl'],
    ['French when the insured corresponds in German', undefined, 'de', 'fr'],
    ['French when German is asked', 'de', 'nl', 'fr'],
  ] as const)('contacts the insured in %s', (_case, requested, dossierLanguage, expected) => {
    const input = regionalReferral('actiris', { referral: { contactLanguage: requested } });
    const fia = contracts.buildRegionalReferral({
      ...input,
      dossier: {
        ...input.dossier,
        insured: { ...input.dossier.insured, language: dossierLanguage },
      },
    });
    expect((fia.content as { personne: { langueContact: string } }).personne.langueContact).toBe(
      expected,
    );
  });

  it('takes the coordinator from the referral event when the caller gives none', () => {
    const fia = contracts.buildRegionalReferral(
      regionalReferral('actiris', {
        referral: { coordinator: { name: 'From Event', email: 'rtw@insurer.example' } },
        context: { coordinator: undefined },
      }),
    );
    expect((fia.content as { coordinateur: unknown }).coordinateur).toEqual({
      nom: 'From Event',
      courriel: 'rtw@insurer.example',
    });
  });

  it('refuses to build without the presentation deadline', () => {
    const error = partnerError(() =>
      contracts.buildRegionalReferral(
        regionalReferral('actiris', { context: { presentationDeadline: undefined } }),
      ),
    );
    expect(error).toMatchObject({
      code: 'PARTNER_INPUT_INVALID',
      pointer: '/echeancePresentation',
    });
  });

  it('refuses to build without a coordinator', () => {
    const error = partnerError(() =>
      contracts.buildRegionalReferral(
        regionalReferral('actiris', { context: { coordinator: undefined } }),
      ),
    );
    expect(error).toMatchObject({ code: 'PARTNER_INPUT_INVALID', pointer: '/coordinator' });
  });

  it('refuses to build without the insured’s consent to exchanges with the regional service', () => {
    const error = partnerError(() =>
      contracts.buildRegionalReferral(
        regionalReferral('actiris', { dossier: { consents: { 'data-processing': '2026-02-01' } } }),
      ),
    );
    expect(error).toMatchObject({
      code: 'PARTNER_CONSENT_MISSING',
      details: { scope: 'regional-service' },
    });
  });

  it('refuses a referral to Actiris for an insured living in Flanders', () => {
    const input = regionalReferral('vdab');
    const error = partnerError(() =>
      contracts.buildRegionalReferral({
        ...input,
        referral: { ...input.referral, service: 'actiris' },
      }),
    );
    expect(error).toMatchObject({
      code: 'PARTNER_NOT_COMPETENT',
      details: { service: 'actiris', competent: 'vdab' },
    });
    expect(error.message).not.toContain(input.dossier.insured.niss);
  });

  it('refuses a disability partner Actiris does not work with', () => {
    const error = partnerError(() =>
      contracts.buildRegionalReferral(
        regionalReferral('actiris', { referral: { disabilityPartner: 'gtb' } }),
      ),
    );
    expect(error).toMatchObject({ code: 'PARTNER_INPUT_INVALID', pointer: '/disabilityPartner' });
  });

  it('refuses a form its own contract rejects, with the pointer of the field', () => {
    const input = regionalReferral('actiris');
    const error = partnerError(() =>
      contracts.buildRegionalReferral({
        ...input,
        context: { ...input.context, createdAt: 'yesterday' },
      }),
    );
    expect(error).toMatchObject({ code: 'PARTNER_DOCUMENT_INVALID', pointer: '/creeLe' });
  });

  it('refuses a value XML cannot carry rather than writing a broken document', () => {
    const input = regionalReferral('actiris');
    const error = partnerError(() =>
      contracts.buildRegionalReferral({
        ...input,
        dossier: {
          ...input.dossier,
          insured: { ...input.dossier.insured, lastName: 'Bell\u0007' },
        },
      }),
    );
    expect(error.code).toBe('PARTNER_DOCUMENT_INVALID');
    expect(error.message).not.toContain('Bell');
  });
});
