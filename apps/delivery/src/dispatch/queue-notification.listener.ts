import { Client } from 'pg';
import type { Logger } from '@rtw/platform';
import { DELIVERY_NOTIFY_CHANNEL } from '../queue/delivery.queue';

/**
 * Holds one dedicated connection that LISTENs for new due work (intake, replays, resumes), so
 * the dispatcher wakes at once instead of at its next poll. Best effort: while the connection is
 * lost the dispatcher polls, and the next round reconnects.
 */
export class QueueNotificationListener {
  private client: Client | undefined;
  private closed = false;

  constructor(
    private readonly url: string,
    private readonly onNotify: () => void,
    private readonly logger: Logger,
  ) {}

  /** Connects and LISTENs unless already done; never throws. */
  async ensureListening(): Promise<void> {
    if (this.client !== undefined || this.closed) return;
    const client = new Client({
      connectionString: this.url,
      application_name: 'rtw-delivery-listener',
    });
    client.on('notification', () => this.onNotify());
    client.on('error', () => {
      this.logger.warn({}, 'Delivery listener connection lost; polling until it reconnects');
      if (this.client === client) this.client = undefined;
      client.end().catch(() => undefined);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${DELIVERY_NOTIFY_CHANNEL}`);
      if (this.closed) await client.end();
      else this.client = client;
    } catch {
      this.logger.warn({}, 'Delivery listener cannot LISTEN; polling only for now');
      await client.end().catch(() => undefined);
    }
  }

  /** Closes the connection for good. */
  async close(): Promise<void> {
    this.closed = true;
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }
}
