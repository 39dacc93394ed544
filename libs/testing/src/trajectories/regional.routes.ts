// FOR TESTS AND BENCHMARKS ONLY (see trajectory.scripts.ts).
import {
  Script,
  opened,
  questionnaire,
  type ScriptOptions,
  type ScriptedTrajectory,
} from './script.builder';
import { exampleEvent } from '../canonical-events.fixture';

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
