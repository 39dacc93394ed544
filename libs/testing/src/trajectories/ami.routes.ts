// FOR TESTS AND BENCHMARKS ONLY (see trajectory.scripts.ts).
import {
  Script,
  opened,
  questionnaire,
  type ScriptOptions,
  type ScriptedTrajectory,
} from './script.builder';

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
