import { isValidEnterpriseNumber } from '@rtw/domain';
import { PARTNERS, type Partner } from '@rtw/messaging';
import { parseDuration } from './duration.parser';
import type {
  CircuitSettings,
  DeliveryLimits,
  OrganisationKind,
  RetrySchedule,
} from './directory.types';

const REGIONAL = new Set(['actiris', 'vdab', 'forem', 'adg']);
const ORGANISATION_ID = /^(cpmt|regional|inami):([a-z0-9]{1,32})$/;

/** The kind, code and partner of an organisation id, or why the id is not one. */
export function checkOrganisationId(
  id: unknown,
  partner: unknown,
): { kind: OrganisationKind; code: string; partner: Partner } | string {
  const match = typeof id === 'string' ? ORGANISATION_ID.exec(id) : null;
  if (!match) return 'has an id that is not <cpmt|regional|inami>:<code>';
  const [, kind, code] = match as unknown as [string, OrganisationKind, string];
  if (!(PARTNERS as readonly unknown[]).includes(partner))
    return `has an unknown partner (one of ${PARTNERS.join(', ')})`;
  const expected: Partner | undefined =
    kind === 'cpmt'
      ? isValidEnterpriseNumber(code)
        ? 'cpmt'
        : undefined
      : kind === 'regional'
        ? REGIONAL.has(code)
          ? (code as Partner)
          : undefined
        : code === 'inami'
          ? 'inami'
          : undefined;
  if (!expected) return 'has a code that is not valid for its kind';
  if (partner !== expected) return `must have partner ${expected}`;
  return { kind, code, partner: expected };
}

/** The endpoint as a URL, or why it cannot be one (https only in production, no credentials). */
export function checkEndpoint(value: unknown, production: boolean): URL | string {
  let url: URL;
  try {
    url = new URL(String(value));
  } catch {
    return 'has an endpoint that is not a URL';
  }
  if (url.protocol !== 'https:' && (production || url.protocol !== 'http:'))
    return production
      ? 'must have an https endpoint in production'
      : 'must have an http(s) endpoint';
  if (url.username || url.password) return 'has credentials in its endpoint URL';
  if (url.hash) return 'has a fragment in its endpoint URL';
  return url;
}

/** Limits over the defaults, or the first reason they are unusable. */
export function checkLimits(value: unknown, base: DeliveryLimits): DeliveryLimits | string {
  if (value === undefined) return base;
  if (!isObject(value)) return 'has limits that are not an object';
  const concurrency = value['concurrency'] ?? base.concurrency;
  if (!isIntIn(concurrency, 1, 64)) return 'has limits.concurrency outside 1..64';
  const timeoutMs = durationOr(value['timeout'], base.timeoutMs);
  if (timeoutMs === undefined || timeoutMs < 100 || timeoutMs > 120_000)
    return 'has limits.timeout outside 100ms..120s';
  const maxRetryAfterMs = durationOr(value['maxRetryAfter'], base.maxRetryAfterMs);
  if (maxRetryAfterMs === undefined || maxRetryAfterMs > 86_400_000)
    return 'has limits.maxRetryAfter that is not a duration up to 24h';
  const circuit = checkCircuit(value['circuit'], base.circuit);
  if (typeof circuit === 'string') return circuit;
  return { concurrency: concurrency as number, timeoutMs, maxRetryAfterMs, circuit };
}

function checkCircuit(value: unknown, base: CircuitSettings): CircuitSettings | string {
  if (value === undefined) return base;
  if (!isObject(value)) return 'has limits.circuit that is not an object';
  const failureRate = value['failureRate'] ?? base.failureRate;
  if (typeof failureRate !== 'number' || !(failureRate > 0 && failureRate < 1))
    return 'has limits.circuit.failureRate outside (0, 1)';
  const window = value['window'] ?? base.window;
  if (!isIntIn(window, 1, 1000)) return 'has limits.circuit.window outside 1..1000';
  const minimumCalls = value['minimumCalls'] ?? Math.min(base.minimumCalls, window as number);
  if (!isIntIn(minimumCalls, 1, window as number))
    return 'has limits.circuit.minimumCalls outside 1..window';
  const halfOpenAfterMs = durationOr(value['halfOpenAfter'], base.halfOpenAfterMs);
  if (halfOpenAfterMs === undefined || halfOpenAfterMs < 100 || halfOpenAfterMs > 3_600_000)
    return 'has limits.circuit.halfOpenAfter outside 100ms..1h';
  return {
    failureRate,
    window: window as number,
    minimumCalls: minimumCalls as number,
    halfOpenAfterMs,
  };
}

/** A retry schedule over the default, or the first reason it is unusable. */
export function checkRetrySchedule(value: unknown, base: RetrySchedule): RetrySchedule | string {
  if (value === undefined) return base;
  if (!isObject(value)) return 'has a retrySchedule that is not an object';
  const delays = value['delays'];
  let delaysMs = base.delaysMs;
  if (delays !== undefined) {
    if (!Array.isArray(delays) || delays.length < 1 || delays.length > 20)
      return 'has retrySchedule.delays that is not a list of 1 to 20 durations';
    const parsed = delays.map(parseDuration);
    if (parsed.some((ms) => ms === undefined || ms > 7 * 86_400_000))
      return 'has retrySchedule.delays with an entry that is not a duration up to 7d';
    delaysMs = parsed as number[];
  }
  const jitter = value['jitter'] ?? base.jitter;
  if (typeof jitter !== 'number' || jitter < 0 || jitter > 0.5)
    return 'has retrySchedule.jitter outside 0..0.5';
  return { delaysMs, jitter };
}

function durationOr(value: unknown, fallback: number): number | undefined {
  return value === undefined ? fallback : parseDuration(value);
}

function isIntIn(value: unknown, min: number, max: number): boolean {
  return Number.isSafeInteger(value) && (value as number) >= min && (value as number) <= max;
}

/** A plain JSON object. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
