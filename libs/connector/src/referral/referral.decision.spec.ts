import { PartnerContracts, type MessageContext } from '@rtw/partners';
import type { CloudEvent } from '@rtw/messaging';
import {
  TEST_RESIDENCES,
  consentGiven,
  cpmtReferralRequested,
  dossierOpened,
  generateEnterpriseNumber,
  newDossier,
  regionalReferralRequested,
} from '@rtw/testing';
import type { ExchangeVerdict } from '@rtw/registers';
import { PreventionServiceDirectory } from '../reference-data/prevention-services';
import { evolveView, type ConnectorDossierView } from '../view/dossier-view.reducer';
import { cpmtReferralTranslator } from './cpmt-referral.translator';
import { decideReferral, type ReferralCase } from './referral.decision';
import type { ReferralTranslator } from './referral.types';
import { regionalReferralTranslator } from './regional-referral.translator';
import { WITHHELD_REASONS, type WithheldReason } from './withheld-reasons.data';

let contracts: PartnerContracts;
beforeAll(async () => {
  contracts = await PartnerContracts.load();
});
afterAll(() => contracts.dispose());

const allowed: ExchangeVerdict = { allowed: true };
const context: MessageContext = {
  messageId: '0b0e6c1a-7f3d-5a2e-9c41-8d2f6b3e1a70',
  createdAt: '2026-06-03T08:15:00.000Z',
  presentationDeadline: '2026-09-02',
};
const external = generateEnterpriseNumber();
const internal = generateEnterpriseNumber();
const bigEmployer = generateEnterpriseNumber();
const directory = PreventionServiceDirectory.of([
  {
    enterpriseNumber: external,
    name: 'External prevention service',
    kind: 'external',
    languages: ['fr', 'nl'],
    contact: { email: 'desk@prevention.example' },
  },
  {
    enterpriseNumber: internal,
    name: 'Internal service of a large employer',
    kind: 'internal',
    employerEnterpriseNumber: bigEmployer,
    languages: ['nl'],
    contact: { phone: '+32 3 555 00 00' },
  },
]);
const actiris = regionalReferralTranslator(['actiris']);
const regional = regionalReferralTranslator(['vdab', 'forem', 'adg']);
const cpmt = cpmtReferralTranslator(directory);

function view(...events: CloudEvent[]): ConnectorDossierView {
  return events.reduce<ConnectorDossierView | undefined>(evolveView, undefined)!;
}

/** A regional referral case: a resident of `residence` referred to `service`, consent given. */
function regionalCase(
  translator: ReferralTranslator,
  service: 'actiris' | 'vdab' | 'forem' | 'adg',
  residence: (typeof TEST_RESIDENCES)[keyof typeof TEST_RESIDENCES],
  overrides: Partial<ReferralCase> & { referralData?: Record<string, unknown> } = {},
): ReferralCase {
  const dossier = newDossier();
  const event = regionalReferralRequested(dossier, service, overrides.referralData);
  return {
    translator,
    referral: translator.referralOf(event)!,
    view: view(dossierOpened(dossier, { residence }), consentGiven(dossier, 'regional-service')),
    verdict: allowed,
    contracts,
    context,
    ...overrides,
  };
}

/** A CPMT referral case: a salaried insured with a contract and CPMT consent. */
function cpmtCase(
  preventionService: string,
  overrides: Partial<ReferralCase> & { employer?: string; hasContract?: boolean } = {},
): ReferralCase {
  const dossier = newDossier();
  const employer = overrides.employer ?? generateEnterpriseNumber();
  const employment =
    overrides.hasContract === false
      ? { hasContract: false }
      : { hasContract: true, employerEnterpriseNumber: employer, jobTitle: 'Operator' };
  const event = cpmtReferralRequested(dossier, { preventionService, employer });
  return {
    translator: cpmt,
    referral: cpmt.referralOf(event)!,
    view: view(
      dossierOpened(dossier, { scheme: 'salaried', employment }),
      consentGiven(dossier, 'cpmt'),
    ),
    verdict: allowed,
    contracts,
    context,
    ...overrides,
  };
}

// One scenario per reason: a reason without one does not compile.
const WITHHELD: Record<WithheldReason, () => ReferralCase> = {
  DOSSIER_UNKNOWN: () => ({
    ...regionalCase(actiris, 'actiris', TEST_RESIDENCES.brussels),
    view: undefined,
  }),
  NOT_COMPETENT: () => regionalCase(actiris, 'actiris', TEST_RESIDENCES.ghent),
  NO_EMPLOYMENT_CONTRACT: () => cpmtCase(external, { hasContract: false }),
  PREVENTION_SERVICE_UNKNOWN: () => cpmtCase(generateEnterpriseNumber()),
  PREVENTION_SERVICE_NOT_FOR_EMPLOYER: () => cpmtCase(internal),
  CONSENT_MISSING: () =>
    regionalCase(regional, 'vdab', TEST_RESIDENCES.ghent, {
      verdict: { allowed: false, reason: 'CONSENT_MISSING' },
    }),
  CONSENT_WITHDRAWN: () =>
    regionalCase(actiris, 'actiris', TEST_RESIDENCES.brussels, {
      verdict: { allowed: false, reason: 'CONSENT_WITHDRAWN' },
    }),
  DATA_PROCESSING_WITHDRAWN: () =>
    cpmtCase(external, { verdict: { allowed: false, reason: 'DATA_PROCESSING_WITHDRAWN' } }),
  NOT_LINKED: () =>
    regionalCase(regional, 'forem', TEST_RESIDENCES.namur, {
      verdict: { allowed: false, reason: 'NOT_LINKED' },
    }),
  MESSAGE_REFUSED: () =>
    regionalCase(actiris, 'actiris', TEST_RESIDENCES.brussels, {
      referralData: { coordinator: undefined },
    }),
};

describe('deciding a referral', () => {
  it.each(WITHHELD_REASONS)('withholds the message with %s', (reason) => {
    expect(decideReferral(WITHHELD[reason]())).toMatchObject({ outcome: 'withhold', reason });
  });

  it('sends the FIA of a Brussels resident to Actiris, with the presentation deadline', () => {
    const decision = decideReferral(regionalCase(actiris, 'actiris', TEST_RESIDENCES.brussels));
    expect(decision).toMatchObject({
      outcome: 'send',
      document: { partner: 'actiris', schemaId: 'urn:rtw:partner:actiris:fia:v1' },
    });
    expect(decision.outcome === 'send' && decision.document.body).toContain(
      '<echeancePresentation>2026-09-02</echeancePresentation>',
    );
  });

  it.each([
    ['vdab', 'Ghent', TEST_RESIDENCES.ghent, 'urn:rtw:partner:vdab:amf:v1'],
    ['forem', 'Namur', TEST_RESIDENCES.namur, 'urn:rtw:partner:forem:fif:v1'],
    ['forem', 'Malmedy', TEST_RESIDENCES.malmedy, 'urn:rtw:partner:forem:fif:v1'],
    ['adg', 'Eupen', TEST_RESIDENCES.eupen, 'urn:rtw:partner:adg:ifa:v1'],
  ] as const)(
    'sends a referral to %s for a resident of %s',
    (service, _place, residence, schemaId) => {
      expect(decideReferral(regionalCase(regional, service, residence))).toMatchObject({
        outcome: 'send',
        document: { partner: service, schemaId },
      });
    },
  );

  it('names the competent service when the one referred to is not', () => {
    expect(decideReferral(regionalCase(regional, 'vdab', TEST_RESIDENCES.eupen))).toEqual({
      outcome: 'withhold',
      reason: 'NOT_COMPETENT',
      competent: 'ADG (Arbeitsamt der Deutschsprachigen Gemeinschaft)',
    });
  });

  it('keeps the contract’s place of a refusal, never a value', () => {
    expect(decideReferral(WITHHELD.MESSAGE_REFUSED())).toEqual({
      outcome: 'withhold',
      reason: 'MESSAGE_REFUSED',
      pointer: '/coordinator',
    });
  });

  it('withholds when the registers allow but the view never saw the consent (the builder checks too)', () => {
    const base = regionalCase(actiris, 'actiris', TEST_RESIDENCES.brussels);
    const noConsent = { ...base.view!, consents: {} };
    expect(decideReferral({ ...base, view: noConsent })).toMatchObject({
      outcome: 'withhold',
      reason: 'CONSENT_MISSING',
    });
  });

  it('checks the dossier before the registers: an unknown prevention service is said as such', () => {
    const decision = decideReferral(
      cpmtCase(generateEnterpriseNumber(), {
        verdict: { allowed: false, reason: 'NOT_LINKED' },
      }),
    );
    expect(decision).toMatchObject({ reason: 'PREVENTION_SERVICE_UNKNOWN' });
  });

  it('sends a CPMT referral to an internal service for its own employer’s staff, under the directory’s name', () => {
    const decision = decideReferral(cpmtCase(internal, { employer: bigEmployer }));
    expect(decision).toMatchObject({ outcome: 'send', document: { partner: 'cpmt' } });
    expect(decision.outcome === 'send' && decision.document.content).toMatchObject({
      preventionService: {
        enterpriseNumber: internal,
        name: 'Internal service of a large employer',
      },
    });
  });
});

describe('which referrals are a connector’s business', () => {
  const dossier = newDossier();

  it('leaves referrals to other services to their own connector', () => {
    expect(actiris.referralOf(regionalReferralRequested(dossier, 'vdab'))).toBeUndefined();
    expect(regional.referralOf(regionalReferralRequested(dossier, 'actiris'))).toBeUndefined();
    expect(
      actiris.referralOf(cpmtReferralRequested(dossier, { preventionService: external })),
    ).toBeUndefined();
  });

  it('routes a CPMT referral to the prevention service it names', () => {
    expect(
      cpmt.referralOf(cpmtReferralRequested(dossier, { preventionService: external })),
    ).toMatchObject({
      partner: 'cpmt',
      organisation: { kind: 'cpmt', code: external },
      messageType: 'cpmt-referral',
    });
  });

  it('gives the Actiris FIA the 3-month presentation deadline of the legal calendar, and the others none', () => {
    const toActiris = regionalReferralRequested(dossier, 'actiris', { requestedOn: '2026-11-30' });
    expect(actiris.contextFor(toActiris, actiris.referralOf(toActiris)!)).toEqual({
      presentationDeadline: '2027-02-28',
    });
    const toVdab = regionalReferralRequested(dossier, 'vdab');
    expect(regional.contextFor(toVdab, regional.referralOf(toVdab)!)).toEqual({
      presentationDeadline: undefined,
    });
  });
});
