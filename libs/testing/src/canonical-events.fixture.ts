// FOR TESTS AND BENCHMARKS ONLY: realistic events built from the committed contract examples
// (schemas/examples/valid), re-addressed to a test dossier, insurer and generated NISS.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { locateSchemasDir } from '@rtw/contracts';

/** A candidate event as plain JSON. */
export type JsonEvent = Record<string, unknown>;

/** Where a test event goes: the dossier, its insurer, and the insured's (generated) NISS. */
export interface EventAddress {
  dossierId: string;
  insurer: string;
  /** Generated with valid check digits by the test (`generateNiss`); never a real one. */
  niss: string;
  /** The publisher's source; the insurer's own by default. */
  source?: string;
}

/** An insurer's trajectory from opening to a drafted plan, in the order it happens. */
export const TRAJECTORY_STEPS = [
  'dossier.opened',
  'consent.given',
  'questionnaire.sent',
  'questionnaire.returned',
  'capacity.assessed',
  'coordinator.referred',
  'contact.scheduled',
  'contact.held',
  'plan.drafted',
] as const;

const examplesDir = join(locateSchemasDir(), 'examples', 'valid');

const examples = new Map<string, string>();

/** The committed example of a type (without `be.rtw.`), with a fresh id, re-addressed. */
export function exampleEvent(shortType: string, address: EventAddress): JsonEvent {
  // Read once per type: benchmarks build millions of events.
  let text = examples.get(shortType);
  if (text === undefined) {
    text = readFileSync(join(examplesDir, `${shortType}.v1.json`), 'utf8');
    examples.set(shortType, text);
  }
  const event = JSON.parse(text) as JsonEvent;
  event['id'] = randomUUID();
  event['subject'] = address.dossierId;
  event['insurer'] = address.insurer;
  event['source'] = address.source ?? `urn:rtw:org:insurer:${address.insurer}`;
  const insured = (event['data'] as { insured?: { niss?: string } }).insured;
  if (insured?.niss !== undefined) insured.niss = address.niss;
  return event;
}

/** The whole trajectory of one dossier, in order. */
export function trajectoryEvents(address: EventAddress): JsonEvent[] {
  return TRAJECTORY_STEPS.map((step) => exampleEvent(step, address));
}
