import { Client } from 'pg';

/** What a listener logs: the warnings of a lost or refused connection. */
export interface ChannelListenerLogger {
  warn(fields: Record<string, unknown>, message: string): void;
}

/** Which channel to LISTEN on, and how the connection and its warnings are named. */
export interface ChannelListenerOptions {
  url: string;
  channel: string;
  /** `application_name` of the connection, so a DBA sees who holds it. */
  applicationName: string;
  /** Names the listener in warnings, e.g. `Outbox listener`. */
  label: string;
  onNotify: () => void;
  logger: ChannelListenerLogger;
}

/**
 * Holds one dedicated connection that LISTENs for a commit-time NOTIFY, so a polling loop (the
 * outbox relay, the delivery dispatcher) wakes at once instead of at its next poll. Best effort:
 * while the connection is lost the loop keeps polling, and its next round reconnects.
 */
export class ChannelListener {
  private client: Client | undefined;
  private closed = false;

  constructor(private readonly options: ChannelListenerOptions) {}

  /** Connects and LISTENs unless already done; never throws. */
  async ensureListening(): Promise<void> {
    if (this.client !== undefined || this.closed) return;
    const { url, channel, applicationName, label, onNotify, logger } = this.options;
    const client = new Client({ connectionString: url, application_name: applicationName });
    client.on('notification', () => onNotify());
    client.on('error', () => {
      logger.warn({}, `${label} connection lost; polling until it reconnects`);
      if (this.client === client) this.client = undefined;
      client.end().catch(() => undefined);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${channel}`);
      // close() may have run while we were connecting.
      if (this.closed) await client.end();
      else this.client = client;
    } catch {
      logger.warn({}, `${label} cannot LISTEN; polling only for now`);
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
