import type { Logger } from '@rtw/platform';
import { MonitorApiError, type Upstream } from '../http/monitor-api.error';
import type { SupportTokenSigner, SupportTokenSubject } from './support-token.signer';

/** Where a support API is and who it expects tokens for. */
export interface SupportApiTarget {
  readonly service: Upstream;
  readonly baseUrl: string;
  readonly audience: string;
}

/**
 * Calls one support API (the tracker's timeline API, delivery's replay API) as the logged-in
 * person, with a fresh support token each call. An unreachable or slow API is
 * UPSTREAM_UNAVAILABLE (503: the console says which part is down and keeps the rest); a refusal
 * keeps the API's status and code (their messages are data-free by design, ADR 0031, 0061).
 */
export class SupportApiClient {
  constructor(
    private readonly target: SupportApiTarget,
    private readonly signer: SupportTokenSigner,
    private readonly options: { timeoutMs: number; logger: Logger },
  ) {}

  get<T>(path: string, who: SupportTokenSubject): Promise<T> {
    return this.call<T>('GET', path, who);
  }

  post<T>(path: string, who: SupportTokenSubject, body: unknown): Promise<T> {
    return this.call<T>('POST', path, who, body);
  }

  private async call<T>(
    method: string,
    path: string,
    who: SupportTokenSubject,
    body?: unknown,
  ): Promise<T> {
    const token = await this.signer.sign(this.target.audience, who);
    let response: Response;
    try {
      response = await fetch(new URL(path, this.target.baseUrl), {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
    } catch (error) {
      this.options.logger.warn(
        { err: error, service: this.target.service },
        `The ${this.target.service} API cannot be reached`,
      );
      throw new MonitorApiError({
        code: 'UPSTREAM_UNAVAILABLE',
        message: `the ${this.target.service} cannot be reached; this part of the console is unavailable`,
        cause: error,
      });
    }
    const answer = (await response.json().catch(() => undefined)) as unknown;
    if (response.ok) return answer as T;
    const problem = (answer ?? {}) as { code?: unknown; message?: unknown };
    if (response.status >= 500 || typeof problem.code !== 'string')
      throw new MonitorApiError({
        code: 'UPSTREAM_UNAVAILABLE',
        message: `the ${this.target.service} answered ${response.status}; this part of the console is unavailable`,
      });
    throw new MonitorApiError({
      code: 'UPSTREAM_REFUSED',
      message:
        typeof problem.message === 'string'
          ? problem.message
          : `refused by the ${this.target.service}`,
      upstream: { service: this.target.service, code: problem.code, status: response.status },
    });
  }
}

/** The tracker's client (an injection token of its own). */
export class TrackerApi extends SupportApiClient {}
/** Delivery's client (an injection token of its own). */
export class DeliveryApi extends SupportApiClient {}
