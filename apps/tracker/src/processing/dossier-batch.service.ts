import type { CloudEvent } from '@rtw/messaging';
import { OutboxWriter } from '@rtw/persistence';
import type { Clock, Logger } from '@rtw/platform';
import type { DataSource } from 'typeorm';
import { DeadlineBook } from '../deadlines/deadline.book';
import type { DeadlineStore } from '../deadlines/deadline.store';
import type { RegisterStore } from '../registers/register.store';
import { eventKey, type DossierStore } from '../store/dossier.store';
import { rejectionMessage } from '../notifications/outbox-messages';
import { planBatch } from './batch.planner';
import { trackerMetrics } from './tracker.metrics';

/** What one batch did, for logs and tests. */
export interface BatchOutcome {
  accepted: number;
  refused: number;
  duplicates: number;
}

/**
 * Applies a batch of inbound events in ONE transaction: skip the events already processed, lock
 * and read each dossier once, run the state machine (a pure plan), then append the events, write
 * the projection, the registers, the deadlines and the outbox messages with a few set-based
 * statements. The offsets are committed by the consumer only after this commits, so a crash at
 * any point leaves either everything or nothing, and the redelivered batch is skipped by its keys.
 */
export class DossierBatchService {
  private readonly outbox = new OutboxWriter();

  constructor(
    private readonly parts: {
      dataSource: DataSource;
      dossiers: DossierStore;
      registers: RegisterStore;
      deadlines: DeadlineStore;
      clock: Clock;
      logger: Logger;
    },
  ) {}

  async process(events: readonly CloudEvent[]): Promise<BatchOutcome> {
    const { dataSource, dossiers, registers, deadlines, clock } = this.parts;
    const outcome = await dataSource.transaction(async (manager) => {
      const now = clock.now();
      const seen = await dossiers.processedKeys(manager, events);
      const batchKeys = new Set<string>();
      const fresh = events.filter((event) => {
        const key = eventKey(event);
        if (seen.has(key) || batchKeys.has(key)) return false;
        batchKeys.add(key);
        return true;
      });
      const dossierIds = [...new Set(fresh.map((event) => event.subject))];
      const stored = await dossiers.loadForUpdate(manager, dossierIds);
      // An erased dossier stays erased: a replayed or late event must not bring it back.
      const purged = await dossiers.purgedAmong(manager, dossierIds);
      const erased = fresh.filter((event) => purged.has(event.subject));
      const live = erased.length === 0 ? fresh : fresh.filter((e) => !purged.has(e.subject));
      const plan = planBatch(live, stored, now);
      await dossiers.append(manager, plan.appends, now);
      await dossiers.refuse(manager, plan.refusals, now);
      await dossiers.project(manager, plan.projections, now);
      await registers.apply(manager, plan, now);
      if (plan.deadlines.length > 0) {
        const book = new DeadlineBook(await deadlines.loadOpen(manager, dossierIds));
        for (const change of plan.deadlines) book.apply(change);
        await deadlines.write(manager, { inserts: book.inserts(), updates: book.updates() }, now);
      }
      await this.outbox.add(manager, [
        ...plan.messages,
        ...erased.map((event) => erasedRejection(event, purged.get(event.subject)!, now)),
      ]);
      return {
        accepted: plan.appends.length,
        refused: plan.refusals.length,
        duplicates: events.length - fresh.length,
        refusals: plan.refusals,
        erased,
      };
    });
    trackerMetrics.events.inc({ outcome: 'erased-dossier' }, outcome.erased.length);
    for (const event of outcome.erased) {
      this.parts.logger.info(
        { dossierId: event.subject, eventId: event.id, eventType: event.type, code: PURGED_CODE },
        'Event for an erased dossier refused',
      );
    }
    trackerMetrics.events.inc({ outcome: 'accepted' }, outcome.accepted);
    trackerMetrics.events.inc({ outcome: 'refused' }, outcome.refused);
    trackerMetrics.events.inc({ outcome: 'duplicate' }, outcome.duplicates);
    for (const refusal of outcome.refusals) {
      trackerMetrics.refusals.inc({ code: refusal.code });
      this.parts.logger.info(
        {
          dossierId: refusal.dossierId,
          eventId: refusal.event.id,
          eventType: refusal.event.type,
          code: refusal.code,
        },
        'Event refused by the trajectory rules',
      );
    }
    const { accepted, refused, duplicates } = outcome;
    return { accepted, refused, duplicates };
  }
}

/** The reason code of an event about a dossier erased at the end of its retention. */
export const PURGED_CODE = 'DOSSIER_PURGED';

// Told to the publisher's insurer (the dossier's, for a partner's answer); no refusal row is kept,
// since that would start a new record about the erased dossier (ADR 0032).
function erasedRejection(event: CloudEvent, dossierInsurer: string, now: Date) {
  return rejectionMessage({
    refused: event,
    insurer: event.insurer ?? dossierInsurer,
    code: PURGED_CODE,
    message: 'The dossier was erased at the end of its retention period.',
    now,
  });
}
