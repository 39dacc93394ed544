import {
  decide,
  evolve,
  initialState,
  isKnownInsurer,
  type DossierEvent,
  type TrajectoryState,
} from '@rtw/domain';
import type { CloudEvent } from '@rtw/messaging';
import type { OutboxMessage } from '@rtw/persistence';
import { deadlineChangesOf, type DeadlineChange } from '../deadlines/deadline.planner';
import { acceptedMessages, rejectionMessage } from '../notifications/outbox-messages';
import {
  registerChangesOf,
  type ConsentChange,
  type RelationChange,
} from '../registers/register-changes';

/** A dossier as the store holds it before the batch. */
export interface StoredDossier {
  readonly version: number;
  readonly state: TrajectoryState;
}

/** An accepted event with the version it gets in its dossier's history. */
export interface Append {
  readonly dossierId: string;
  readonly version: number;
  readonly event: CloudEvent;
}

/** An event the state machine refused, with the rule that failed. */
export interface Refusal {
  readonly dossierId: string;
  readonly event: CloudEvent;
  readonly insurer: string | undefined;
  readonly code: string;
  readonly message: string;
}

/** A dossier's state after the batch, to write to the projection. */
export interface ProjectionWrite {
  readonly dossierId: string;
  readonly previousVersion: number;
  readonly version: number;
  readonly state: TrajectoryState;
}

/** Every write one batch makes, in the order they must happen. */
export interface BatchPlan {
  readonly appends: Append[];
  readonly refusals: Refusal[];
  readonly projections: ProjectionWrite[];
  readonly consents: ConsentChange[];
  readonly relations: RelationChange[];
  readonly deadlines: DeadlineChange[];
  readonly messages: OutboxMessage[];
}

/**
 * Runs the state machine over a batch of inbound events (already free of duplicates, in partition
 * order) against the dossiers' stored states, and returns everything to write: the event store
 * appends, refusals, projections, register and deadline changes, and the outbox messages. Pure:
 * the tracker executes the plan in one transaction.
 */
export function planBatch(
  events: readonly CloudEvent[],
  stored: ReadonlyMap<string, StoredDossier>,
  now: Date,
): BatchPlan {
  const plan: BatchPlan = {
    appends: [],
    refusals: [],
    projections: [],
    consents: [],
    relations: [],
    deadlines: [],
    messages: [],
  };
  const current = new Map<string, { version: number; state: TrajectoryState; from: number }>();
  for (const event of events) {
    const dossierId = event.subject;
    const before =
      current.get(dossierId) ??
      (stored.has(dossierId)
        ? { ...stored.get(dossierId)!, from: stored.get(dossierId)!.version }
        : { version: 0, state: initialState(), from: 0 });
    const domainEvent = event as unknown as DossierEvent & { id: string };
    const decision = decide(before.state, domainEvent);
    if (!decision.accepted) {
      // Tell the publisher: an insurer its own topic; for a partner's answer, the dossier's owner.
      const insurer = isInsurerSource(event.source) ? event.insurer : before.state.insurer;
      plan.refusals.push({
        dossierId,
        event,
        insurer: insurer && isKnownInsurer(insurer) ? insurer : undefined,
        code: decision.code,
        message: decision.message,
      });
      if (insurer && isKnownInsurer(insurer))
        plan.messages.push(
          rejectionMessage({
            refused: event,
            insurer,
            code: decision.code,
            message: decision.message,
            now,
          }),
        );
      current.set(dossierId, before);
      continue;
    }
    let { state, version } = before;
    for (const accepted of decision.events) {
      const stateBefore = state;
      state = evolve(state, accepted);
      version += 1;
      plan.appends.push({ dossierId, version, event });
      const registers = registerChangesOf(dossierId, domainEvent, stateBefore);
      plan.consents.push(...registers.consents);
      plan.relations.push(...registers.relations);
      plan.deadlines.push(...deadlineChangesOf(dossierId, domainEvent, state));
      plan.messages.push(...acceptedMessages(event, state.insurer ?? event.insurer!));
    }
    current.set(dossierId, { version, state, from: before.from });
  }
  for (const [dossierId, { version, state, from }] of current) {
    if (version !== from)
      plan.projections.push({ dossierId, previousVersion: from, version, state });
  }
  return plan;
}

function isInsurerSource(source: string): boolean {
  return source.startsWith('urn:rtw:org:insurer:');
}
