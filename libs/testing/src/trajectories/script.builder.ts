// FOR TESTS AND BENCHMARKS ONLY: whole, lawful trajectories as the hub receives them, built from
// the committed contract examples (so every event is valid against its contract) with dates laid
// out in the order the law requires, counted from the incapacity start. Partner answers carry the
// partner's source. Identities are generated (`generateNiss`); names are made up.
import { randomUUID } from 'node:crypto';
import { exampleEvent, type JsonEvent } from '../canonical-events.fixture';
import { generateNiss } from '../niss.factory';

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

/** Builds one trajectory's events in order, with dates counted from the incapacity start. */
export class Script {
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

/** Adds the dossier opening, with its data changed by `overrides`. */
export function opened(script: Script, overrides: Record<string, unknown>): Script {
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

/** Adds consent to processing, the questionnaire sent and its complete return. */
export function questionnaire(script: Script, returnToWorkRequested: boolean): Script {
  return script
    .add('consent.given', { scope: 'data-processing', writtenOn: script.day(60) })
    .add('questionnaire.sent', { sentOn: script.day(70), dueOn: script.day(84) })
    .add('questionnaire.returned', {
      receivedOn: script.day(80),
      complete: true,
      returnToWorkRequested,
    });
}
