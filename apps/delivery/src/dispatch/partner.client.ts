import { Agent, request } from 'undici';
import { systemClock, type Clock } from '@rtw/platform';
import { signWebhook } from '@rtw/webhooks';
import type { PartnerOrganisation } from '../directory/directory.types';
import { transportFailureOf, type AttemptResult } from './response.classifier';
import { keptHeaders, responseExcerpt } from './response.excerpt';

/** One request to send. */
export interface OutgoingRequest {
  /** Message id: `webhook-id` and `Idempotency-Key`, the same on every attempt. */
  readonly id: string;
  readonly contentType: string;
  readonly body: Buffer;
}

/** What one HTTP attempt produced, with what may be recorded of it. */
export interface SentRequest {
  readonly result: AttemptResult;
  readonly latencyMs: number;
  /** Request metadata for the attempt log (never the body or the signature). */
  readonly request: Readonly<Record<string, unknown>>;
  readonly responseHeaders?: Record<string, string>;
  readonly responseExcerpt?: string;
}

const USER_AGENT = 'rtw-hub-delivery/1';

/**
 * Sends signed partner requests over HTTP(S) with undici: one connection pool per organisation
 * (its concurrency, its timeouts, its client certificate for mutual TLS), `POST <endpoint>` with
 * the Standard Webhooks headers and `Idempotency-Key`. Redirects are not followed. Only the first
 * bytes of an answer are read. Signature timestamps come from the machine's clock, not the
 * process clock: they are checked by the partner's clock.
 */
export class PartnerClient {
  private readonly agents = new Map<string, Agent>();

  constructor(
    private readonly excerptBytes: number,
    private readonly wallClock: Clock = systemClock,
  ) {}

  async send(
    organisation: PartnerOrganisation,
    outgoing: OutgoingRequest,
    stop?: AbortSignal,
  ): Promise<SentRequest> {
    const signedAt = this.wallClock.now();
    const headers = {
      'content-type': outgoing.contentType,
      'user-agent': USER_AGENT,
      'idempotency-key': outgoing.id,
      ...signWebhook({
        id: outgoing.id,
        timestamp: signedAt,
        body: outgoing.body,
        secrets: organisation.secrets,
      }),
    };
    const meta = {
      method: 'POST',
      url: organisation.endpoint.toString(),
      contentType: outgoing.contentType,
      bodyBytes: outgoing.body.length,
      idempotencyKey: outgoing.id,
      signedAt: signedAt.toISOString(),
      signatures: organisation.secrets.length,
      mutualTls: organisation.tls !== undefined,
    };
    const timeout = AbortSignal.timeout(organisation.limits.timeoutMs);
    const signal = stop ? AbortSignal.any([timeout, stop]) : timeout;
    const started = performance.now();
    try {
      const response = await request(organisation.endpoint, {
        method: 'POST',
        dispatcher: this.agentOf(organisation),
        headers,
        body: outgoing.body,
        signal,
      });
      const excerpt = await readHead(response.body, this.excerptBytes);
      const retryAfter = response.headers['retry-after'];
      return {
        result: {
          kind: 'answer',
          status: response.statusCode,
          ...(typeof retryAfter === 'string' ? { retryAfter } : {}),
        },
        latencyMs: Math.round(performance.now() - started),
        request: meta,
        responseHeaders: keptHeaders(response.headers),
        responseExcerpt: responseExcerpt(excerpt, this.excerptBytes),
      };
    } catch (error) {
      if (stop?.aborted) throw error;
      return {
        result: { kind: 'transport-failure', code: transportFailureOf(error) },
        latencyMs: Math.round(performance.now() - started),
        request: meta,
      };
    }
  }

  /** Closes every connection pool (at shutdown). */
  async close(): Promise<void> {
    const agents = [...this.agents.values()];
    this.agents.clear();
    await Promise.all(agents.map((agent) => agent.close().catch(() => undefined)));
  }

  private agentOf(organisation: PartnerOrganisation): Agent {
    let agent = this.agents.get(organisation.id);
    if (!agent) {
      const { timeoutMs, concurrency } = organisation.limits;
      agent = new Agent({
        connections: concurrency,
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
        connect: {
          timeout: timeoutMs,
          ...(organisation.tls
            ? {
                cert: organisation.tls.cert,
                key: organisation.tls.key,
                ...(organisation.tls.ca ? { ca: organisation.tls.ca } : {}),
              }
            : {}),
        },
      });
      this.agents.set(organisation.id, agent);
    }
    return agent;
  }
}

/** The first `maxBytes` of a response body; the rest is not downloaded. */
async function readHead(body: AsyncIterable<Buffer> & { destroy(): unknown }, maxBytes: number) {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    chunks.push(chunk);
    size += chunk.length;
    if (size >= maxBytes) break;
  }
  body.destroy();
  return Buffer.concat(chunks).subarray(0, maxBytes);
}
