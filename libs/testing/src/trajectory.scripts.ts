// FOR TESTS AND BENCHMARKS ONLY: whole, lawful trajectories as the hub receives them, built from
// the committed contract examples (so every event is valid against its contract) with dates laid
// out in the order the law requires, counted from the incapacity start. Partner answers carry the
// partner's source. Identities are generated (`generateNiss`); names are made up.
import { randomUUID } from 'node:crypto';
import { exampleEvent, type JsonEvent } from './canonical-events.fixture';
import { generateNiss } from './niss.factory';

/** Who and when a scripted trajectory is about. */
export interface ScriptOptions {
  dossierId?: string;
  insurer?: string;
  niss?: string;
  /** First day of incapacity, `YYYY-MM-DD` (on or after 2023-01-01 for the allowance rules). */
  incapacityStart?: string;
  /** Enterprise number of the prevention service (CPMT) the referral names. */
  preventionService?: string;
  /** Enterprise number of the employer (an internal prevention service serves only its own). */
  employer?: string;
}

/** A scripted trajectory: its dossier and its events in the order they happen. */
export interface ScriptedTrajectory {
  dossierId: string;
  insurer: string;
  niss: string;
  events: JsonEvent[];
}

/** The prevention service of the examples (a registered test organisation). */
export const EXAMPLE_PREVENTION_SERVICE = '0403170701';

class Script {
  readonly dossierId: string;
  readonly insurer: string;
  readonly niss: string;
  readonly events: JsonEvent[] = [];
  private readonly start: Date;

  constructor(options: ScriptOptions) {
    this.dossierId = options.dossierId ?? randomUUID();
    this.insurer = options.insurer ?? '100';
    this.niss = options.niss ?? generateNiss();
    this.start = new Date(`${options.incapacityStart ?? '2026-01-12'}T00:00:00Z`);
  }

  /** The date `days` after the incapacity start. */
  day(days: number): string {
    return new Date(this.start.getTime() + days * 86_400_000).toISOString().slice(0, 10);
  }

  /** Adds the example of a type with its data changed; partners publish under their own source. */
  add(shortType: string, data: Record<string, unknown>, source?: string): this {
    const event = exampleEvent(shortType, {
      dossierId: this.dossierId,
      insurer: this.insurer,
      niss: this.niss,
      ...(source ? { source } : {}),
    });
    event['data'] = { ...(event['data'] as Record<string, unknown>), ...data };
    this.events.push(event);
    return this;
  }

  result(): ScriptedTrajectory {
    return {
      dossierId: this.dossierId,
      insurer: this.insurer,
      niss: this.niss,
      events: this.events,
    };
  }
}

function opened(script: Script, overrides: Record<string, unknown>): Script {
  const base = exampleEvent('dossier.opened', {
    dossierId: script.dossierId,
    insurer: script.insurer,
    niss: script.niss,
  })['data'] as Record<string, unknown>;
  return script.add('dossier.opened', {
    ...base,
    ...overrides,
    incapacity: { startDate: script.day(0), phase: 'primary' },
  });
}

function questionnaire(script: Script, returnToWorkRequested: boolean): Script {
  return script
    .add('consent.given', { scope: 'data-processing', writtenOn: script.day(60) })
    .add('questionnaire.sent', { sentOn: script.day(70), dueOn: script.day(84) })
    .add('questionnaire.returned', {
      receivedOn: script.day(80),
      complete: true,
      returnToWorkRequested,
    });
}

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

/** A regional service and a residence it is competent for (postal code, municipality, language). */
export interface RegionalResidence {
  service: 'actiris' | 'vdab' | 'forem' | 'adg';
  postalCode: string;
  municipality: string;
  street: string;
  language: 'fr' | 'nl' | 'de';
}

/** One residence per regional service, in the language the service works in. */
export const REGIONAL_RESIDENCES: Readonly<
  Record<RegionalResidence['service'], RegionalResidence>
> = {
  actiris: {
    service: 'actiris',
    postalCode: '1050',
    municipality: 'Ixelles',
    street: 'Rue Exemple 1',
    language: 'fr',
  },
  vdab: {
    service: 'vdab',
    postalCode: '9000',
    municipality: 'Gent',
    street: 'Teststraat 1',
    language: 'nl',
  },
  forem: {
    service: 'forem',
    postalCode: '5000',
    municipality: 'Namur',
    street: 'Rue Exemple 2',
    language: 'fr',
  },
  adg: {
    service: 'adg',
    postalCode: '4700',
    municipality: 'Eupen',
    street: 'Beispielstraße 1',
    language: 'de',
  },
};

/**
 * Route B for a self-employed person referred to the regional service competent for their
 * residence, which acknowledges, sees the insured, runs and ends a trajectory; then closure.
 */
export function routeBToRegionalService(
  residence: RegionalResidence,
  options: ScriptOptions = {},
): ScriptedTrajectory {
  const script = new Script(options);
  const referralId = `REF-${residence.service.toUpperCase()}-${script.dossierId.slice(0, 8)}`;
  const service = `urn:rtw:org:regional:${residence.service}`;
  opened(script, {
    insured: {
      ...(
        exampleEvent('dossier.opened', {
          dossierId: script.dossierId,
          insurer: script.insurer,
          niss: script.niss,
        })['data'] as { insured: Record<string, unknown> }
      ).insured,
      language: residence.language,
      residence: {
        street: residence.street,
        postalCode: residence.postalCode,
        municipality: residence.municipality,
      },
    },
    scheme: 'self-employed',
    employment: { hasContract: false },
  });
  questionnaire(script, true)
    .add('routeb.requested', { requestedOn: script.day(80) })
    .add('routeb.decided', { decision: 'accepted', decidedOn: script.day(90) })
    .add('contact.scheduled', {
      contactId: 'CT-1',
      scheduledOn: script.day(100),
      kind: 'first',
      mode: 'video',
    })
    .add('contact.held', { contactId: 'CT-1', heldOn: script.day(100) })
    .add('consent.given', { scope: 'regional-service', writtenOn: script.day(100) })
    .add('regional.referral.requested', {
      referralId,
      service: residence.service,
      disabilityPartner: 'none',
      purpose: 'registration',
      requestedOn: script.day(102),
    })
    .add(
      'regional.registration.acknowledged',
      {
        referralId,
        serviceReference: `${residence.service.toUpperCase()}-${script.dossierId.slice(0, 6)}`,
        acknowledgedOn: script.day(104),
      },
      service,
    )
    .add('regional.insured.presented', { referralId, presentedOn: script.day(120) }, service)
    .add('regional.trajectory.started', { referralId, startedOn: script.day(130) }, service)
    .add(
      'regional.trajectory.ended',
      { referralId, endedOn: script.day(250), outcome: 'training-completed' },
      service,
    )
    .add('trajectory.closed', { closedOn: script.day(260), outcome: 'work-resumed' });
  return script.result();
}

/** {@link routeBToRegionalService} for a Brussels resident, referred to Actiris. */
export function routeBSelfEmployedToActiris(options: ScriptOptions = {}): ScriptedTrajectory {
  return routeBToRegionalService(REGIONAL_RESIDENCES.actiris, options);
}

/**
 * Route A where the insured does not come to the first contact moment without a justification;
 * the allowance is reduced by 2.5 %.
 */
export function missedFirstContactWithReduction(options: ScriptOptions = {}): ScriptedTrajectory {
  const script = new Script(options);
  opened(script, {});
  questionnaire(script, false)
    .add('capacity.assessed', { category: 4, assessedOn: script.day(100) })
    .add('coordinator.referred', { referredOn: script.day(101) })
    .add('contact.scheduled', {
      contactId: 'CT-1',
      scheduledOn: script.day(110),
      kind: 'first',
      mode: 'in-person',
    })
    .add('contact.missed', { contactId: 'CT-1', missedOn: script.day(110), justified: false })
    .add('allowance.reduced', {
      rate: 2.5,
      effectiveFrom: script.day(120),
      cause: 'unjustified-absence-first-contact',
    });
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

/** A self-employed person on route B whose AMI trajectory (case 1) has a plan. */
export function selfEmployedWithPlan(options: ScriptOptions = {}): ScriptedTrajectory {
  const script = new Script(options);
  const planId = `PLAN-${script.dossierId.slice(0, 8)}`;
  opened(script, { scheme: 'self-employed', employment: { hasContract: false } });
  questionnaire(script, true)
    .add('routeb.requested', { requestedOn: script.day(80) })
    .add('routeb.decided', { decision: 'accepted', decidedOn: script.day(90) })
    .add('contact.scheduled', {
      contactId: 'CT-1',
      scheduledOn: script.day(100),
      kind: 'first',
      mode: 'in-person',
    })
    .add('contact.held', { contactId: 'CT-1', heldOn: script.day(100) })
    .add('ami.launched', {
      case: 1,
      launchedOn: script.day(110),
      engagementDeclaration: {
        coordinatorSignedOn: script.day(108),
        medicalAdvisorSignedOn: script.day(109),
        insuredSignedOn: script.day(110),
      },
    })
    .add('plan.drafted', {
      planId,
      draftedOn: script.day(120),
      nextFollowUpOn: script.day(210),
    });
  return script.result();
}

/** Route B refused by the médecin-conseil: a new contact moment is due within the month. */
export function routeBRefused(options: ScriptOptions = {}): ScriptedTrajectory {
  const script = new Script(options);
  opened(script, {});
  questionnaire(script, true)
    .add('routeb.requested', { requestedOn: script.day(80) })
    .add('routeb.decided', { decision: 'refused', decidedOn: script.day(90) });
  return script.result();
}
