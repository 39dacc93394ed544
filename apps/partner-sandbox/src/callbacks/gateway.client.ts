import { backoffDelay, sleep } from '@rtw/platform';
import type { PartnerMediaType } from '@rtw/partners';
import type { CallbackCredentials } from './callback.credentials';

/** What the gateway finally answered to one answer document. */
export interface GatewayAnswer {
  /** The HTTP status of the last attempt; undefined when the gateway could never be reached. */
  readonly status?: number;
  /** The reason code of a refusal, or NO_CREDENTIALS / GATEWAY_UNREACHABLE. */
  readonly code?: string;
  /** The canonical event id the gateway gave the answer. */
  readonly eventId?: string;
  readonly replay: boolean;
  readonly attempts: number;
}

const RETRY = { initialMs: 500, maxMs: 10_000 };
const MAX_RETRY_AFTER_MS = 30_000;
const REQUEST_TIMEOUT_MS = 15_000;

/**
 * Posts answer documents to the gateway's `POST /v1/partner-answers` as a partner's system would:
 * fresh credentials on every attempt (tokens are single use), retries while the gateway answers
 * 408, 429 or 5xx or cannot be reached (honouring Retry-After), never after any other answer.
 */
export class GatewayClient {
  constructor(
    private readonly options: {
      readonly url: string;
      readonly credentials: CallbackCredentials;
      readonly attempts: number;
      readonly random?: () => number;
    },
  ) {}

  async send(
    organisation: string,
    document: { readonly body: string; readonly mediaType: PartnerMediaType },
    signal?: AbortSignal,
  ): Promise<GatewayAnswer> {
    let attempts = 0;
    let last: GatewayAnswer = { code: 'GATEWAY_UNREACHABLE', replay: false, attempts };
    while (attempts < this.options.attempts && !signal?.aborted) {
      attempts += 1;
      const authorization = await this.options.credentials.authorization(organisation);
      if (authorization === undefined)
        return { code: 'NO_CREDENTIALS', replay: false, attempts: attempts - 1 };
      const answer = await this.attempt(authorization, document, signal);
      last = { ...answer.result, attempts };
      if (!answer.retry) return last;
      const wait =
        answer.retryAfterMs ?? backoffDelay(attempts, RETRY, this.options.random ?? Math.random);
      await sleep(Math.min(wait, MAX_RETRY_AFTER_MS), signal);
    }
    return last;
  }

  private async attempt(
    authorization: string,
    document: { readonly body: string; readonly mediaType: PartnerMediaType },
    signal?: AbortSignal,
  ): Promise<{
    result: Omit<GatewayAnswer, 'attempts'>;
    retry: boolean;
    retryAfterMs?: number;
  }> {
    const timeout = AbortSignal.timeout(REQUEST_TIMEOUT_MS);
    try {
      const response = await fetch(new URL('/v1/partner-answers', this.options.url), {
        method: 'POST',
        headers: { authorization, 'content-type': `${document.mediaType}; charset=utf-8` },
        body: document.body,
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
      const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
      const retry = response.status === 408 || response.status === 429 || response.status >= 500;
      const retryAfter = Number(response.headers.get('retry-after'));
      return {
        result: {
          status: response.status,
          ...(typeof body['code'] === 'string' ? { code: body['code'] } : {}),
          ...(response.status === 202 && typeof body['id'] === 'string'
            ? { eventId: body['id'] }
            : {}),
          replay: response.headers.get('idempotent-replay') === 'true',
        },
        retry,
        ...(Number.isFinite(retryAfter) && retryAfter > 0
          ? { retryAfterMs: retryAfter * 1000 }
          : {}),
      };
    } catch {
      return { result: { code: 'GATEWAY_UNREACHABLE', replay: false }, retry: true };
    }
  }
}
