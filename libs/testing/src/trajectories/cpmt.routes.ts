// FOR TESTS AND BENCHMARKS ONLY (see trajectory.scripts.ts).
import {
  EXAMPLE_PREVENTION_SERVICE,
  Script,
  opened,
  questionnaire,
  type ScriptOptions,
  type ScriptedTrajectory,
} from './script.builder';

/**
 * Route A for a salaried worker with a contract: questionnaire, category 4, referral to the
 * coordinator, first contact, consent, CPMT referral and pre-reintegration visit (no trajectory
 * asked), AMI case 3, a plan with two reviews and its evaluation, work resumed, closure.
 */
export function routeASalariedWithCpmt(options: ScriptOptions = {}): ScriptedTrajectory {
  const script = new Script(options);
  const cpmt = options.preventionService ?? EXAMPLE_PREVENTION_SERVICE;
  const cpmtSource = `urn:rtw:org:cpmt:${cpmt}`;
  const referralId = `REF-CPMT-${script.dossierId.slice(0, 8)}`;
  const planId = `PLAN-${script.dossierId.slice(0, 8)}`;
  opened(script, {
    scheme: 'salaried',
    employment: {
      hasContract: true,
      employerEnterpriseNumber: '0730746827',
      jobTitle: 'Warehouse operator',
    },
  });
  questionnaire(script, false)
    .add('capacity.assessed', { category: 4, assessedOn: script.day(100) })
    .add('coordinator.referred', { referredOn: script.day(101) })
    .add('contact.scheduled', {
      contactId: 'CT-1',
      scheduledOn: script.day(110),
      kind: 'first',
      mode: 'in-person',
    })
    .add('contact.held', { contactId: 'CT-1', heldOn: script.day(110) })
    .add('consent.given', { scope: 'cpmt', writtenOn: script.day(110) })
    .add('cpmt.referral.requested', {
      referralId,
      preventionService: { enterpriseNumber: cpmt, name: 'Example prevention service' },
      employerEnterpriseNumber: '0730746827',
      purpose: 'pre-reintegration-visit',
      requestedOn: script.day(112),
    })
    .add('cpmt.referral.accepted', { referralId, acceptedOn: script.day(114) }, cpmtSource)
    .add(
      'cpmt.visit.held',
      { referralId, heldOn: script.day(120), reintegrationTrajectoryRequested: false },
      cpmtSource,
    )
    .add('ami.launched', {
      case: 3,
      launchedOn: script.day(125),
      engagementDeclaration: {
        coordinatorSignedOn: script.day(123),
        medicalAdvisorSignedOn: script.day(124),
        insuredSignedOn: script.day(125),
      },
    })
    .add('plan.drafted', {
      planId,
      draftedOn: script.day(140),
      nextFollowUpOn: script.day(230),
    })
    .add('plan.reviewed', {
      planId,
      reviewedOn: script.day(230),
      nextFollowUpOn: script.day(320),
    })
    .add('plan.reviewed', {
      planId,
      reviewedOn: script.day(320),
      nextFollowUpOn: script.day(400),
    })
    .add('plan.evaluated', { planId, evaluatedOn: script.day(400), result: 'achieved' })
    .add('work.resumed', { resumedOn: script.day(405), extent: 'partial', employer: 'same' })
    .add('trajectory.closed', { closedOn: script.day(410), outcome: 'work-resumed' })
    .add('dossier.closed', { closedOn: script.day(411), reason: 'work-resumed' });
  return script.result();
}

/**
 * A CPMT reintegration trajectory at the employer ending in decision B (definitively unfit for the
 * agreed work) and a definitive end, which opens AMI case 4.
 */
export function cpmtDecisionBThenAmiCase4(options: ScriptOptions = {}): ScriptedTrajectory {
  const script = new Script(options);
  const cpmt = options.preventionService ?? EXAMPLE_PREVENTION_SERVICE;
  const cpmtSource = `urn:rtw:org:cpmt:${cpmt}`;
  const referralId = `REF-CPMT-${script.dossierId.slice(0, 8)}`;
  opened(script, {
    scheme: 'salaried',
    employment: {
      hasContract: true,
      employerEnterpriseNumber: '0730746827',
      jobTitle: 'Warehouse operator',
    },
  });
  questionnaire(script, false)
    .add('capacity.assessed', { category: 4, assessedOn: script.day(100) })
    .add('coordinator.referred', { referredOn: script.day(101) })
    .add('contact.scheduled', {
      contactId: 'CT-1',
      scheduledOn: script.day(110),
      kind: 'first',
      mode: 'phone',
    })
    .add('contact.held', { contactId: 'CT-1', heldOn: script.day(110) })
    .add('consent.given', { scope: 'cpmt', writtenOn: script.day(110) })
    .add('cpmt.referral.requested', {
      referralId,
      preventionService: { enterpriseNumber: cpmt, name: 'Example prevention service' },
      employerEnterpriseNumber: '0730746827',
      purpose: 'reintegration-trajectory',
      requestedOn: script.day(112),
    })
    .add('cpmt.referral.accepted', { referralId, acceptedOn: script.day(114) }, cpmtSource)
    .add(
      'cpmt.trajectory.started',
      { referralId, startedOn: script.day(118), requestedBy: 'insured' },
      cpmtSource,
    )
    .add(
      'cpmt.assessment.decided',
      { referralId, decision: 'B', decidedOn: script.day(150) },
      cpmtSource,
    )
    .add(
      'cpmt.trajectory.ended',
      { referralId, endedOn: script.day(160), outcome: 'definitively-unfit' },
      cpmtSource,
    )
    .add('ami.launched', {
      case: 4,
      launchedOn: script.day(170),
      engagementDeclaration: {
        coordinatorSignedOn: script.day(168),
        medicalAdvisorSignedOn: script.day(169),
        insuredSignedOn: script.day(170),
      },
    });
  return script.result();
}

/**
 * AMI case 3 after a pre-reintegration visit, then a reintegration trajectory the employer asks
 * the CPMT for: the AMI trajectory is suspended while it runs and resumed when it ends. Everything
 * from the CPMT's answers on happens on day 113, so an end-to-end test can date it today.
 */
export function employerCpmtTrajectorySuspendingAmi(
  options: ScriptOptions = {},
): ScriptedTrajectory {
  const script = new Script(options);
  const cpmt = options.preventionService ?? EXAMPLE_PREVENTION_SERVICE;
  const cpmtSource = `urn:rtw:org:cpmt:${cpmt}`;
  const referralId = `REF-CPMT-${script.dossierId.slice(0, 8)}`;
  const today = script.day(113);
  const employer = options.employer ?? '0730746827';
  opened(script, {
    scheme: 'salaried',
    employment: {
      hasContract: true,
      employerEnterpriseNumber: employer,
      jobTitle: 'Warehouse operator',
    },
  });
  questionnaire(script, false)
    .add('capacity.assessed', { category: 4, assessedOn: script.day(100) })
    .add('coordinator.referred', { referredOn: script.day(101) })
    .add('contact.scheduled', {
      contactId: 'CT-1',
      scheduledOn: script.day(110),
      kind: 'first',
      mode: 'in-person',
    })
    .add('contact.held', { contactId: 'CT-1', heldOn: script.day(110) })
    .add('consent.given', { scope: 'cpmt', writtenOn: script.day(110) })
    .add('cpmt.referral.requested', {
      referralId,
      preventionService: { enterpriseNumber: cpmt, name: 'Example prevention service' },
      employerEnterpriseNumber: employer,
      purpose: 'pre-reintegration-visit',
      requestedOn: script.day(112),
    })
    .add('cpmt.referral.accepted', { referralId, acceptedOn: today }, cpmtSource)
    .add(
      'cpmt.visit.held',
      { referralId, heldOn: today, reintegrationTrajectoryRequested: false },
      cpmtSource,
    )
    .add('ami.launched', {
      case: 3,
      launchedOn: today,
      engagementDeclaration: {
        coordinatorSignedOn: today,
        medicalAdvisorSignedOn: today,
        insuredSignedOn: today,
      },
    })
    .add(
      'cpmt.trajectory.started',
      { referralId, startedOn: today, requestedBy: 'employer' },
      cpmtSource,
    )
    .add('ami.suspended', {
      suspendedOn: today,
      reason: 'cpmt-trajectory-at-employer-request',
      cpmtTrajectory: { startedOn: today, referralId },
    });
  script.events.at(-1)!['dataschema'] = 'urn:rtw:schema:be.rtw.ami.suspended:v2';
  script
    .add(
      'cpmt.trajectory.ended',
      { referralId, endedOn: today, outcome: 'adapted-work' },
      cpmtSource,
    )
    .add('ami.resumed', { resumedOn: today });
  return script.result();
}
