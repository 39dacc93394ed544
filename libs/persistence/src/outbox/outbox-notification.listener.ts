import { Client } from 'pg';
import type { RelayLogger } from './outbox-relay.options';
import { OUTBOX_NOTIFY_CHANNEL } from './outbox.writer';

/**
 * Holds one dedicated connection that LISTENs for the writer's commit-time NOTIFY, so the relay
 * wakes at once instead of at the next poll. Best effort: when the connection is lost the relay
 * keeps polling, and the next cycle reconnects.
 */
export class OutboxNotificationListener {
  private client: Client | undefined;
  private closed = false;

  constructor(
    private readonly url: string,
    private readonly onNotify: () => void,
    private readonly logger: RelayLogger,
  ) {}

  /** Connects and LISTENs unless already done; never throws. */
  async ensureListening(): Promise<void> {
    if (this.client !== undefined || this.closed) return;
    const client = new Client({
      connectionString: this.url,
      application_name: 'rtw-outbox-listener',
    });
    client.on('notification', () => this.onNotify());
    client.on('error', () => {
      this.logger.warn({}, 'Outbox listener connection lost; polling until it reconnects');
      if (this.client === client) this.client = undefined;
      client.end().catch(() => undefined);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${OUTBOX_NOTIFY_CHANNEL}`);
      // close() may have run while we were connecting.
      if (this.closed) await client.end();
      else this.client = client;
    } catch {
      this.logger.warn({}, 'Outbox listener cannot LISTEN; polling only for now');
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
