import { PartnerContracts } from '../partner-contracts';
import { cpmtReferral } from '../testing/partner.fixtures';
import { partnerError } from '../testing/partner-error.expect';

let contracts: PartnerContracts;
beforeAll(async () => {
  contracts = await PartnerContracts.load();
});
afterAll(() => contracts.dispose());

describe('the CPMT referral', () => {
  it('names the worker, the employer and the request, and nothing the CPMT may not see', () => {
    const input = cpmtReferral({ referral: { purpose: 'reintegration-trajectory' } });
    const referral = contracts.buildCpmtReferral(input);
    expect(referral).toMatchObject({
      partner: 'cpmt',
      schemaId: 'urn:rtw:partner:cpmt:referral:v1',
      mediaType: 'application/json',
    });
    expect(referral.content).toEqual({
      messageId: 'MSG-000101',
      createdAt: '2026-06-03T10:15:00+02:00',
      references: { dossier: input.dossier.dossierId, referral: 'REF-CPMT-7781', insurer: '300' },
      preventionService: {
        enterpriseNumber: input.referral.preventionService.enterpriseNumber,
        name: 'Example prevention service',
      },
      worker: {
        niss: input.dossier.insured.niss,
        lastName: 'Example',
        firstName: 'Amina',
        language: 'fr',
      },
      employment: {
        employerEnterpriseNumber: input.referral.employerEnterpriseNumber,
        jobTitle: 'Warehouse operator',
      },
      incapacity: { startDate: '2026-01-05' },
      request: { purpose: 'reintegration-trajectory', requestedOn: '2026-05-08' },
      coordinator: { name: 'Coordinator Example', phone: '+32 2 555 01 23' },
      consent: { givenOn: '2026-05-06' },
    });
    for (const withheld of [
      '1984-03-12',
      'Schaerbeek',
      '1030',
      'unemployed',
      'salaried',
      'primary',
    ]) {
      expect(referral.body).not.toContain(withheld);
    }
  });

  it('leaves the job title out when the referral names another employer than the dossier', () => {
    const input = cpmtReferral();
    const other = cpmtReferral().referral.employerEnterpriseNumber;
    const referral = contracts.buildCpmtReferral({
      ...input,
      referral: { ...input.referral, employerEnterpriseNumber: other },
    });
    expect((referral.content as { employment: object }).employment).toEqual({
      employerEnterpriseNumber: other,
    });
  });

  it('refuses to build without the insured’s consent to exchanges with the CPMT', () => {
    const error = partnerError(() =>
      contracts.buildCpmtReferral(
        cpmtReferral({ dossier: { consents: { 'regional-service': '2026-05-06' } } }),
      ),
    );
    expect(error).toMatchObject({ code: 'PARTNER_CONSENT_MISSING', details: { scope: 'cpmt' } });
  });

  it('refuses to build for an insured without an employment contract', () => {
    const error = partnerError(() =>
      contracts.buildCpmtReferral(
        cpmtReferral({ dossier: { employment: { hasContract: false } } }),
      ),
    );
    expect(error).toMatchObject({
      code: 'PARTNER_INPUT_INVALID',
      pointer: '/employment/hasContract',
    });
  });

  it('refuses a coordinator email its contract does not accept', () => {
    const error = partnerError(() =>
      contracts.buildCpmtReferral(
        cpmtReferral({ context: { coordinator: { name: 'X', email: 'not an address' } } }),
      ),
    );
    expect(error).toMatchObject({
      code: 'PARTNER_DOCUMENT_INVALID',
      pointer: '/coordinator/email',
    });
  });
});
