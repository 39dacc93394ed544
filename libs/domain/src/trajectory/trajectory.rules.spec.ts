import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateEnterpriseNumber, generateNiss } from '@rtw/testing';
import { REJECTION_CODES, type RejectionCode } from './rejection.codes';
import { type RuleId, TRAJECTORY_RULES } from './rule.catalogue';
import {
  amiLaunched,
  capacityAssessed,
  consentGiven,
  consentWithdrawn,
  contactHeld,
  coordinatorReferred,
  cpmtReferralAccepted,
  cpmtReferralRequested,
  dossierOpened,
  event,
  malformed,
  planDrafted,
  regionalReferralRequested,
  routeA,
} from './testing/trajectory.fixtures';
import { given, type Then } from './testing/trajectory.scenario';

// One minimal Given/When/Then per rule. Typed as a complete record: adding a rule without a
// scenario here fails to compile. Area specs cover the variants and the accepted paths.
const niss = generateNiss();
const enterprise = {
  employer: generateEnterpriseNumber(),
  preventionService: generateEnterpriseNumber(),
};
const opened = dossierOpened({ niss });
const withoutContract = dossierOpened({ niss, employment: { hasContract: false } });
const started = [opened, ...routeA()] as const;
const withContact = [...started, ...contactHeld()] as const;
const launched = [...withContact, amiLaunched(2)] as const;
const closed = event('be.rtw.dossier.closed', { closedOn: '2024-09-01', reason: 'pension' });
const firstContactMissed = [
  event('be.rtw.contact.scheduled', {
    contactId: 'c1',
    scheduledOn: '2024-05-20',
    kind: 'first',
    mode: 'phone',
  }),
  event('be.rtw.contact.missed', { contactId: 'c1', missedOn: '2024-05-20', justified: false }),
] as const;
const reduced = (rate = 2.5, effectiveFrom = '2024-06-01') =>
  event('be.rtw.allowance.reduced', {
    rate,
    effectiveFrom,
    cause: 'unjustified-absence-first-contact',
  });
const reductionEnded = (endedOn = '2024-07-01') =>
  event('be.rtw.allowance.reduction.ended', { endedOn, reason: 'insured-attended' });
const suspended = (suspendedOn = '2024-07-01') =>
  event('be.rtw.ami.suspended', { suspendedOn, reason: 'cpmt-trajectory-at-employer-request' });
const launch = (signedOn: string) =>
  event('be.rtw.ami.launched', {
    case: 2,
    launchedOn: '2024-06-03',
    engagementDeclaration: {
      coordinatorSignedOn: '2024-06-03',
      medicalAdvisorSignedOn: '2024-06-03',
      insuredSignedOn: signedOn,
    },
  });

const SCENARIOS: Record<RuleId, () => Then> = {
  'event.type-supported': () =>
    given(opened).when({ ...opened, type: 'be.rtw.deadline.missed' } as unknown as typeof opened),
  'dossier.opened-first': () => given().when(consentGiven('cpmt')),
  'dossier.opened-once': () => given(opened).when(opened),
  'dossier.owned-by-insurer': () =>
    given(opened).when(
      event('be.rtw.consent.given', { scope: 'cpmt', writtenOn: '2024-03-01' }, '200'),
    ),
  'dossier.closed-takes-incapacity-end-only': () =>
    given(opened, closed).when(consentGiven('cpmt')),
  'dossier.insurer-runs-trajectories': () => given().when(dossierOpened({ niss, insurer: '900' })),
  'dossier.niss-valid': () => given().when(dossierOpened({ niss: `${niss.slice(0, 10)}x` })),
  'date.not-before-incapacity-start': () =>
    given(opened).when(
      event('be.rtw.work.resumed', { resumedOn: '2023-12-01', extent: 'full', employer: 'same' }),
    ),
  'capacity.category-known': () => given(opened).when(capacityAssessed(5)),
  'questionnaire.returned-after-sent': () =>
    given(opened).when(
      event('be.rtw.questionnaire.returned', {
        receivedOn: '2024-03-28',
        complete: true,
        returnToWorkRequested: false,
      }),
    ),
  'questionnaire.returned-not-before-sent': () =>
    given(
      opened,
      event('be.rtw.questionnaire.sent', { sentOn: '2024-03-18', dueOn: '2024-04-01' }),
    ).when(
      event('be.rtw.questionnaire.returned', {
        receivedOn: '2024-03-10',
        complete: true,
        returnToWorkRequested: false,
      }),
    ),
  'coordinator.referral-needs-estimate': () => given(opened).when(coordinatorReferred()),
  'coordinator.category-after-re-estimate': () =>
    given(opened, capacityAssessed(3)).when(coordinatorReferred()),
  'coordinator.referral-not-before-estimate': () =>
    given(opened, capacityAssessed(4)).when(coordinatorReferred('2024-04-10')),
  'routeb.decision-needs-request': () =>
    given(opened).when(
      event('be.rtw.routeb.decided', { decision: 'accepted', decidedOn: '2024-05-03' }),
    ),
  'routeb.decision-not-before-request': () =>
    given(opened, event('be.rtw.routeb.requested', { requestedOn: '2024-04-01' })).when(
      event('be.rtw.routeb.decided', { decision: 'accepted', decidedOn: '2024-03-25' }),
    ),
  'referral.category-2-never': () => given(opened, capacityAssessed(2)).when(coordinatorReferred()),
  'referral.data-processing-consent': () =>
    given(...started, consentGiven('cpmt'), consentWithdrawn('data-processing')).when(
      cpmtReferralRequested('r1', enterprise),
    ),
  'referral.recipient-consent': () =>
    given(...started).when(cpmtReferralRequested('r1', enterprise)),
  'referral.trajectory-started': () =>
    given(opened, consentGiven('cpmt')).when(cpmtReferralRequested('r1', enterprise)),
  'referral.id-unique': () =>
    given(...started, consentGiven('regional-service'), regionalReferralRequested('r1')).when(
      regionalReferralRequested('r1'),
    ),
  'referral.answer-known': () => given(opened).when(cpmtReferralAccepted('r1')),
  'referral.answer-in-order': () =>
    given(...started, consentGiven('regional-service'), regionalReferralRequested('r1')).when(
      event('be.rtw.regional.insured.presented', { referralId: 'r1', presentedOn: '2024-05-13' }),
    ),
  'referral.answer-not-before-referral': () =>
    given(...started, consentGiven('cpmt'), cpmtReferralRequested('r1', enterprise)).when(
      cpmtReferralAccepted('r1', '2024-04-30'),
    ),
  'cpmt.needs-contract': () =>
    given(withoutContract, ...routeA(), consentGiven('cpmt')).when(
      cpmtReferralRequested('r1', enterprise),
    ),
  'cpmt.enterprise-numbers-valid': () =>
    given(...started, consentGiven('cpmt')).when(
      cpmtReferralRequested('r1', { ...enterprise, employer: '2000000000' }),
    ),
  'regional.competent-for-residence': () =>
    given(...started, consentGiven('regional-service')).when(
      regionalReferralRequested('r1', 'vdab'),
    ),
  'regional.own-disability-partner': () =>
    given(...started, consentGiven('regional-service')).when(
      event('be.rtw.regional.referral.requested', {
        referralId: 'r1',
        service: 'actiris',
        disabilityPartner: 'gtb',
        purpose: 'registration',
        requestedOn: '2024-05-02',
      }),
    ),
  'contact.outcome-needs-schedule': () =>
    given(opened).when(event('be.rtw.contact.held', { contactId: 'c1', heldOn: '2024-05-03' })),
  'contact.outcome-once': () =>
    given(opened, ...contactHeld('c1')).when(
      event('be.rtw.contact.missed', { contactId: 'c1', missedOn: '2024-05-27', justified: true }),
    ),
  'contact.outcome-not-before-date': () =>
    given(opened, firstContactMissed[0]).when(
      event('be.rtw.contact.held', { contactId: 'c1', heldOn: '2024-05-19' }),
    ),
  'reduction.needs-unjustified-absence': () => given(opened).when(reduced()),
  'reduction.rate-of-scheme': () => given(opened, ...firstContactMissed).when(reduced(2)),
  'reduction.incapacity-from-2023': () =>
    given(dossierOpened({ niss, incapacityStart: '2022-11-02' }), ...firstContactMissed).when(
      reduced(),
    ),
  'reduction.one-at-a-time': () => given(opened, ...firstContactMissed, reduced()).when(reduced()),
  'reduction.end-needs-running': () => given(opened).when(reductionEnded()),
  'reduction.end-not-before-start': () =>
    given(opened, ...firstContactMissed, reduced()).when(reductionEnded('2024-05-31')),
  'ami.launch-once': () => given(...launched).when(amiLaunched(2)),
  'ami.declaration-complete': () =>
    given(...withContact).when(
      malformed('be.rtw.ami.launched', {
        case: 2,
        launchedOn: '2024-06-03',
        engagementDeclaration: {},
      }),
    ),
  'ami.declaration-signed-before-launch': () => given(...withContact).when(launch('2024-06-04')),
  'ami.launch-after-contact': () => given(...started).when(amiLaunched(2)),
  'ami.case-consistent': () => given(...withContact).when(amiLaunched(1)),
  'ami.suspend-running': () => given(opened).when(suspended()),
  'ami.suspension-for-cpmt-cases-2-3': () =>
    given(withoutContract, ...routeA(), ...contactHeld(), amiLaunched(1)).when(suspended()),
  'ami.suspension-referral-known': () =>
    given(...launched).when(
      event('be.rtw.ami.suspended', {
        suspendedOn: '2024-07-01',
        reason: 'cpmt-trajectory-at-employer-request',
        cpmtTrajectory: { startedOn: '2024-06-28', referralId: 'r-unknown' },
      }),
    ),
  'ami.suspension-not-before-launch': () => given(...launched).when(suspended('2024-06-01')),
  'ami.resume-suspended': () =>
    given(...launched).when(event('be.rtw.ami.resumed', { resumedOn: '2024-07-01' })),
  'ami.resumption-not-before-suspension': () =>
    given(...launched, suspended()).when(event('be.rtw.ami.resumed', { resumedOn: '2024-06-20' })),
  'plan.needs-ami': () => given(opened).when(planDrafted('p1')),
  'plan.id-unique': () => given(...launched, planDrafted('p1')).when(planDrafted('p1')),
  'plan.not-before-ami-launch': () =>
    given(...launched).when(planDrafted('p1', { draftedOn: '2024-06-01' })),
  'plan.follow-up-not-before-plan-date': () =>
    given(...launched).when(planDrafted('p1', { nextFollowUpOn: '2024-06-16' })),
  'plan.known': () =>
    given(...launched).when(
      event('be.rtw.plan.evaluated', {
        planId: 'p1',
        evaluatedOn: '2024-09-01',
        result: 'achieved',
      }),
    ),
  'plan.open-until-evaluated': () =>
    given(
      ...launched,
      planDrafted('p1'),
      event('be.rtw.plan.evaluated', {
        planId: 'p1',
        evaluatedOn: '2024-09-01',
        result: 'achieved',
      }),
    ).when(
      event('be.rtw.plan.reviewed', {
        planId: 'p1',
        reviewedOn: '2024-09-02',
        nextFollowUpOn: '2024-12-02',
      }),
    ),
  'plan.step-not-before-drafting': () =>
    given(...launched, planDrafted('p1')).when(
      event('be.rtw.plan.reviewed', {
        planId: 'p1',
        reviewedOn: '2024-06-10',
        nextFollowUpOn: '2024-09-02',
      }),
    ),
};

const RULE_IDS = Object.keys(TRAJECTORY_RULES) as RuleId[];

describe('the trajectory rules', () => {
  it.each(RULE_IDS)('%s refuses its scenario with its own code', (id) => {
    const rejection = SCENARIOS[id]().thenRejected(TRAJECTORY_RULES[id].code);
    expect(rejection.rule).toBe(id);
  });

  it('uses every rejection code in at least one rule', () => {
    const used = new Set<string>(RULE_IDS.map((id) => TRAJECTORY_RULES[id].code));
    const unused = (Object.keys(REJECTION_CODES) as RejectionCode[]).filter((c) => !used.has(c));
    expect(unused).toEqual([]);
  });

  it.each(RULE_IDS)('%s states itself and its source in one line each', (id) => {
    const { text, source } = TRAJECTORY_RULES[id];
    for (const line of [text, source]) {
      expect(line).toMatch(/^[A-Z].{10,}\.$/);
      expect(line).not.toContain('\n');
    }
  });

  it('marks the rules whose values are data as configurable, naming where the data is', () => {
    const configurable = RULE_IDS.filter((id) => 'configurable' in TRAJECTORY_RULES[id]);
    expect(configurable.sort()).toEqual([
      'coordinator.category-after-re-estimate',
      'dossier.insurer-runs-trajectories',
      'reduction.incapacity-from-2023',
      'reduction.rate-of-scheme',
      'regional.competent-for-residence',
      'regional.own-disability-partner',
    ]);
  });

  it('is listed rule by rule, with its code, in ADR 0047', () => {
    const adr = readFileSync(
      join(__dirname, '../../../../docs/adr/0047-stricter-trajectory-rules.md'),
      'utf8',
    );
    // Rows as Prettier aligns them: `| \`id\`   | \`CODE\`   | basis ...`.
    const rows = new Map(
      [...adr.matchAll(/^\| `([a-z0-9.-]+)` +\| `([A-Z_]+)` +\| (\w+) /gm)].map((m) => [
        m[1],
        `${m[2]} ${m[3]}`,
      ]),
    );
    for (const id of RULE_IDS) {
      expect([id, rows.get(id)]).toEqual([
        id,
        `${TRAJECTORY_RULES[id].code} ${TRAJECTORY_RULES[id].basis}`,
      ]);
    }
    expect(rows.size).toBe(RULE_IDS.length);
  });

  it.each(Object.entries(REJECTION_CODES))(
    '%s has a one-line explanation',
    (_code, explanation) => {
      expect(explanation).toMatch(/^[A-Z].{10,}\.$/);
      expect(explanation).not.toContain('\n');
    },
  );

  it('never puts the NISS in a rejection message', () => {
    const bad = `${niss.slice(0, 9)}${String((Number(niss.slice(9)) + 1) % 100).padStart(2, '0')}`;
    const rejection = given()
      .when(dossierOpened({ niss: bad }))
      .thenRejected('NISS_INVALID');
    expect(rejection.message).not.toContain(bad.slice(0, 6));
    expect(rejection.message).toContain('NISS_CHECK_DIGITS');
  });
});
