import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Clock, Logger } from '@rtw/platform';
import {
  BackgroundSupervisor,
  DatabaseConnection,
  HUB_CLOCK,
  HUB_LOGGER,
  periodicJob,
} from '@rtw/runtime';
import { MESSAGE_STATUSES } from '../queue/delivery-message.types';
import { oldestDueAge, queueDepth } from './delivery.metrics';

const EVERY_MS = 15_000;

/**
 * Refreshes the queue gauges (depth by status, age of the oldest due message) every 15 s from
 * PostgreSQL: the same numbers from every instance, which alert rules aggregate with max().
 */
@Injectable()
export class QueueMetricsJob implements OnApplicationBootstrap {
  private readonly logger: Logger;

  constructor(
    private readonly supervisor: BackgroundSupervisor,
    private readonly database: DatabaseConnection,
    @Inject(HUB_CLOCK) private readonly clock: Clock,
    @Inject(HUB_LOGGER) logger: Logger,
  ) {
    this.logger = logger.child({ context: QueueMetricsJob.name });
  }

  onApplicationBootstrap(): void {
    this.supervisor.supervise(
      periodicJob({
        name: 'job:delivery-queue-metrics',
        everyMs: EVERY_MS,
        needs: ['database'],
        logger: this.logger,
        run: () => this.refresh(),
      }),
    );
  }

  async refresh(): Promise<void> {
    const now = this.clock.now();
    const rows: Array<{ status: string; count: number }> = await this.database.dataSource.query(
      `SELECT "status", count(*)::int AS "count" FROM "delivery_messages"
       WHERE "status" <> 'delivered' GROUP BY "status"`,
    );
    // Delivered messages are counted by rtw_delivery_outcomes_total; the queue is what waits.
    for (const status of MESSAGE_STATUSES.filter((s) => s !== 'delivered'))
      queueDepth.set({ status }, rows.find((row) => row.status === status)?.count ?? 0);
    const [oldest] = (await this.database.dataSource.query(
      `SELECT min("next_attempt_at") AS "due" FROM "delivery_messages"
       WHERE "status" = 'pending' AND "next_attempt_at" <= $1`,
      [now],
    )) as Array<{ due: Date | null }>;
    oldestDueAge.set(oldest?.due ? Math.max(0, (now.getTime() - oldest.due.getTime()) / 1000) : 0);
  }
}
