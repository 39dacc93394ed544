import { PartnerContracts } from '../partner-contracts';
import { regionalReferral } from '../testing/partner.fixtures';
import { partnerError } from '../testing/partner-error.expect';

let contracts: PartnerContracts;
beforeAll(async () => {
  contracts = await PartnerContracts.load();
});
afterAll(() => contracts.dispose());

describe('the VDAB AMF', () => {
  it('is a Dutch JSON document with Dutch code lists and only the contract’s fields', () => {
    const input = regionalReferral('vdab', {
      referral: { purpose: 'orientation', disabilityPartner: 'gtb' },
      dossier: {
        scheme: 'salaried',
        employment: { hasContract: true, employerEnterpriseNumber: '0403170701' },
      },
    });
    const amf = contracts.buildRegionalReferral(input);
    expect(amf).toMatchObject({
      partner: 'vdab',
      schemaId: 'urn:rtw:partner:vdab:amf:v1',
      mediaType: 'application/json',
    });
    expect(JSON.parse(amf.body)).toEqual(amf.content);
    expect(amf.content).toEqual({
      berichtId: 'MSG-000101',
      aangemaaktOp: '2026-06-03T10:15:00+02:00',
      referenties: {
        dossier: input.dossier.dossierId,
        aanvraag: 'REF-VDAB-0042',
        ziekenfonds: '300',
      },
      persoon: {
        inss: input.dossier.insured.niss,
        naam: 'Example',
        voornaam: 'Amina',
        geslacht: 'V',
        geboortedatum: '1984-03-12',
        hoofdverblijfplaats: { postcode: '9000', gemeente: 'Gent', nisCode: '44021' },
      },
      stelsel: 'werknemer',
      tewerkstelling: { arbeidsovereenkomst: true },
      arbeidsongeschiktheid: { begindatum: '2026-01-05', fase: 'primaire-ongeschiktheid' },
      aanvraag: { doel: 'orientering', aangevraagdOp: '2026-06-02', gtbBetrokken: true },
      coordinator: { naam: 'Coordinator Example', telefoon: '+32 2 555 01 23' },
      toestemming: { gegevenOp: '2026-05-28' },
    });
    expect(amf.body).not.toContain('0403170701');
  });

  it('leaves GTB out when no disability partner is involved', () => {
    const amf = contracts.buildRegionalReferral(
      regionalReferral('vdab', { referral: { disabilityPartner: 'none' } }),
    );
    expect((amf.content as { aanvraag: object }).aanvraag).toEqual({
      doel: 'inschrijving',
      aangevraagdOp: '2026-06-02',
    });
  });

  it('refuses AViQ, which works with Le Forem', () => {
    const error = partnerError(() =>
      contracts.buildRegionalReferral(
        regionalReferral('vdab', { referral: { disabilityPartner: 'aviq' } }),
      ),
    );
    expect(error).toMatchObject({ code: 'PARTNER_INPUT_INVALID', pointer: '/disabilityPartner' });
  });

  it('refuses an insured living in Brussels', () => {
    const input = regionalReferral('actiris');
    const error = partnerError(() =>
      contracts.buildRegionalReferral({
        ...input,
        referral: { ...input.referral, service: 'vdab' },
      }),
    );
    expect(error).toMatchObject({
      code: 'PARTNER_NOT_COMPETENT',
      details: { competent: 'actiris' },
    });
  });
});
