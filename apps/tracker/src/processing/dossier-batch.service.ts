import type { CloudEvent } from '@rtw/messaging';
import { OutboxWriter } from '@rtw/persistence';
import type { Clock, Logger } from '@rtw/platform';
import type { DataSource } from 'typeorm';
import { DeadlineBook } from '../deadlines/deadline.book';
import type { DeadlineStore } from '../deadlines/deadline.store';
import type { RegisterStore } from '../registers/register.store';
import { eventKey, type DossierStore } from '../store/dossier.store';
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
      const plan = planBatch(fresh, stored, now);
      await dossiers.append(manager, plan.appends, now);
      await dossiers.refuse(manager, plan.refusals, now);
      await dossiers.project(manager, plan.projections, now);
      await registers.apply(manager, plan, now);
      if (plan.deadlines.length > 0) {
        const book = new DeadlineBook(await deadlines.loadOpen(manager, dossierIds));
        for (const change of plan.deadlines) book.apply(change);
        await deadlines.write(manager, { inserts: book.inserts(), updates: book.updates() }, now);
      }
      await this.outbox.add(manager, plan.messages);
      return {
        accepted: plan.appends.length,
        refused: plan.refusals.length,
        duplicates: events.length - fresh.length,
        refusals: plan.refusals,
      };
    });
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
