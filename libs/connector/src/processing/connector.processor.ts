import type { ContractRegistry } from '@rtw/contracts';
import type { BatchEventHandler, CloudEvent } from '@rtw/messaging';
import { OutboxWriter, type OutboxMessage } from '@rtw/persistence';
import type { PartnerContracts } from '@rtw/partners';
import type { Clock, Logger } from '@rtw/platform';
import { DossierRegisters, type ExchangeVerdict } from '@rtw/registers';
import type { DataSource, EntityManager } from 'typeorm';
import { derivedMessageId } from '../messages/message-id';
import { outboxMessageOf, preparedEvent, withheldEvent } from '../messages/partner-message.events';
import { connectorMetrics, type ConnectorMetrics } from '../metrics/connector.metrics';
import { decideReferral, type ReferralDecision } from '../referral/referral.decision';
import type { ConnectorReferral, ReferralTranslator } from '../referral/referral.types';
import type { InsurerContacts } from '../reference-data/insurer-contacts';
import { changesView } from '../view/dossier-view.reducer';
import { DossierViewStore, keyText, type EventKey } from '../view/dossier-view.store';
import { BatchViews } from './batch-views';
import { withDatabase } from './database-failure';

/** What a connector is made of; the app builds these once and hands them over. */
export interface ConnectorProcessorOptions {
  /** The connector's name: in its rows, logs, metrics and derived message ids (the app name). */
  connector: string;
  translator: ReferralTranslator;
  dataSource: DataSource;
  /** The canonical contracts: the connector's own events are checked against them. */
  contracts: ContractRegistry;
  partnerContracts: PartnerContracts;
  insurerContacts: InsurerContacts;
  clock: Clock;
  logger: Logger;
  metrics?: ConnectorMetrics;
  outbox?: OutboxWriter;
}

/** What a referral of the batch became, reported once the transaction committed. */
interface Outcome {
  readonly cause: CloudEvent;
  readonly referral: ConnectorReferral;
  readonly decision: ReferralDecision;
  readonly message: OutboxMessage;
  readonly messageId: string;
}

/**
 * The connector's batch handler on `rtw.dossier.events.v1`. One transaction per fetched batch: it
 * skips events this connector already handled (by source and id) and records the others, loads
 * the batch's views once, applies the events in order (view changes; each referral decided against
 * the view as of its place and the registers as of now), writes the views, and adds the prepared
 * messages and withheld notices to the outbox. A redelivered event therefore never yields a second
 * message, and a message exists if and only if the views it was built from committed.
 */
export class ConnectorProcessor {
  private readonly store: DossierViewStore;
  private readonly metrics: ConnectorMetrics;
  private readonly outbox: OutboxWriter;

  /** The function to give `KafkaConnection.consume({ batchHandler })`. */
  readonly handleBatch: BatchEventHandler = (records) =>
    this.process(records.map((record) => record.event));

  constructor(private readonly options: ConnectorProcessorOptions) {
    this.store = new DossierViewStore(options.connector);
    this.metrics = options.metrics ?? connectorMetrics();
    this.outbox = options.outbox ?? new OutboxWriter();
  }

  /** Processes accepted dossier events in stream order (one partition's batch). */
  async process(events: readonly CloudEvent[]): Promise<void> {
    const relevant = firstOfEachKey(events.filter((event) => this.concerns(event)));
    if (relevant.length === 0) return;
    const now = this.options.clock.now();
    const outcomes = await withDatabase(() =>
      this.options.dataSource.transaction((manager) => this.inTransaction(manager, relevant, now)),
    );
    for (const outcome of outcomes) this.report(outcome);
  }

  /** Deletes handled-event keys older than `before` in bounded chunks; returns how many went. */
  async pruneProcessed(before: Date, chunk = 5_000): Promise<number> {
    let total = 0;
    for (;;) {
      const deleted = await withDatabase(() =>
        this.options.dataSource.transaction((manager) =>
          this.store.pruneProcessed(manager, before, chunk),
        ),
      );
      total += deleted;
      if (deleted < chunk) return total;
    }
  }

  /** True for the events this connector reads: view changes and its own referrals. */
  private concerns(event: CloudEvent): boolean {
    if (changesView(event.type)) return true;
    if (!Object.hasOwn(this.options.translator.referralVersions, event.type)) return false;
    return this.options.translator.referralOf(event) !== undefined;
  }

  private async inTransaction(
    manager: EntityManager,
    events: readonly CloudEvent[],
    now: Date,
  ): Promise<Outcome[]> {
    const done = await this.store.processed(manager, events.map(keyOf));
    const todo = events.filter((event) => !done.has(keyText(event)));
    if (todo.length === 0) return [];
    await this.store.markProcessed(manager, todo.map(keyOf), now);
    const views = new BatchViews(
      await this.store.loadForUpdate(manager, [...new Set(todo.map((event) => event.subject))]),
    );
    const registers = new DossierRegisters(manager);
    const outcomes: Outcome[] = [];
    for (const event of todo) {
      if (changesView(event.type)) {
        views.apply(event);
        continue;
      }
      const referral = this.options.translator.referralOf(event)!;
      const verdict = await registers.mayExchange(event.subject, referral.organisation, {
        referralId: referral.referralId,
      });
      outcomes.push(this.decide(event, referral, views, verdict, now));
    }
    await this.store.save(manager, views.writes(), now);
    await this.outbox.add(
      manager,
      outcomes.map((outcome) => outcome.message),
    );
    return outcomes;
  }

  private decide(
    cause: CloudEvent,
    referral: ConnectorReferral,
    views: BatchViews,
    verdict: ExchangeVerdict,
    now: Date,
  ): Outcome {
    const { connector, translator } = this.options;
    const view = views.viewOf(cause.subject);
    const insurer = cause.insurer ?? view?.insurerCode ?? '';
    const preparedId = derivedMessageId({ connector, kind: 'prepared', event: cause });
    const decision = decideReferral({
      translator,
      referral,
      view,
      verdict,
      contracts: this.options.partnerContracts,
      context: {
        messageId: preparedId,
        createdAt: now.toISOString(),
        coordinator: referral.data.coordinator ?? this.options.insurerContacts.contactOf(insurer),
        ...translator.contextFor(cause, referral),
      },
    });
    const caused = { cause, referral, insurer, now };
    if (decision.outcome === 'send') {
      const event = preparedEvent({ ...caused, id: preparedId, document: decision.document });
      const message = outboxMessageOf(this.options.contracts, event);
      return { cause, referral, decision, message, messageId: preparedId };
    }
    const noticeId = derivedMessageId({ connector, kind: 'withheld', event: cause });
    const event = withheldEvent({ ...caused, id: noticeId, withholding: decision });
    const message = outboxMessageOf(this.options.contracts, event);
    return { cause, referral, decision, message, messageId: noticeId };
  }

  /** One structured line and one count per referral: ids and codes, never dossier content. */
  private report({ cause, referral, decision, messageId }: Outcome): void {
    const { connector, logger } = this.options;
    const fields = {
      dossierId: cause.subject,
      referralId: referral.referralId,
      causationId: cause.id,
      partner: referral.partner,
      organisation: referral.organisation.code,
      messageId,
    };
    if (decision.outcome === 'send') {
      this.metrics.prepared({ connector, partner: referral.partner });
      logger.info(fields, `${referral.form} prepared for delivery`);
    } else {
      this.metrics.withheld({ connector, partner: referral.partner, reason: decision.reason });
      logger.warn(
        { ...fields, reasonCode: decision.reason },
        `${referral.form} withheld (${decision.reason}); the insurer is notified`,
      );
    }
  }
}

function keyOf(event: CloudEvent): EventKey {
  return { source: event.source, id: event.id, dossierId: event.subject };
}

/** The batch without repeats of one event (a producer retry can put both copies in one fetch). */
function firstOfEachKey(events: readonly CloudEvent[]): CloudEvent[] {
  const seen = new Set<string>();
  return events.filter((event) => {
    const key = keyText(event);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
