// W3C Trace Context `traceparent` (version 00): `00-<trace-id 32 hex>-<parent-id 16 hex>-<flags 2 hex>`.
// Only what the hub needs: start a trace, or continue one with a new span for the next hop.
import { randomBytes } from 'node:crypto';

/** The parts of a valid `traceparent`. */
export interface TraceContext {
  traceId: string;
  spanId: string;
  flags: string;
}

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;
const ZERO_TRACE = '0'.repeat(32);
const ZERO_SPAN = '0'.repeat(16);
const SAMPLED = '01';

/** Parses a `traceparent`; undefined when it is absent or not valid (then a new trace starts). */
export function parseTraceparent(value: string | undefined): TraceContext | undefined {
  const match = value === undefined ? null : TRACEPARENT.exec(value.trim());
  if (!match) return undefined;
  const [, traceId = '', spanId = '', flags = ''] = match;
  if (traceId === ZERO_TRACE || spanId === ZERO_SPAN) return undefined;
  return { traceId, spanId, flags };
}

/** A `traceparent` that starts a new, sampled trace. */
export function createTraceparent(): string {
  return format({ traceId: nonZeroHex(16), spanId: nonZeroHex(8), flags: SAMPLED });
}

/**
 * The `traceparent` of a step caused by `parent`: same trace, new span id, same flags. Starts a
 * new trace when the parent is missing or invalid, as the W3C recommendation says.
 */
export function childTraceparent(parent: string | undefined): string {
  const context = parseTraceparent(parent);
  if (!context) return createTraceparent();
  return format({ ...context, spanId: nonZeroHex(8) });
}

function format(context: TraceContext): string {
  return `00-${context.traceId}-${context.spanId}-${context.flags}`;
}

function nonZeroHex(bytes: number): string {
  for (;;) {
    const hex = randomBytes(bytes).toString('hex');
    if (/[^0]/.test(hex)) return hex;
  }
}
