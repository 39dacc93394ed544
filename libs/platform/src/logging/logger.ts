import pino, { type DestinationStream, type Logger } from 'pino';
import { REDACTED_PATHS, scrubText } from './redaction';

/** Options of the process logger. */
export interface LoggerOptions {
  app: string;
  level?: string;
  /** Where lines go; stdout by default. Tests pass a stream to read what was logged. */
  destination?: DestinationStream;
}

/**
 * The process logger: one JSON object per line, with the app name, redaction of personal-data
 * fields, and NISS-shaped numbers scrubbed from messages. Child loggers carry a `context` field.
 */
export function createLogger(options: LoggerOptions): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      base: { app: options.app },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: [...REDACTED_PATHS], censor: '[redacted]' },
      formatters: { level: (label) => ({ level: label }) },
      hooks: {
        logMethod(args, method) {
          const scrubbed = args.map((arg) => (typeof arg === 'string' ? scrubText(arg) : arg));
          return method.apply(this, scrubbed as Parameters<typeof method>);
        },
      },
      serializers: { err: serializeError },
    },
    options.destination,
  );
}

/** Errors are logged with their class, code and stack; their message is scrubbed of NISS numbers. */
function serializeError(error: unknown): Record<string, unknown> {
  // Duck-typed rather than `instanceof Error`: errors from another realm (vm contexts, workers)
  // are errors too.
  if (typeof error !== 'object' || error === null) return { type: typeof error };
  const { name, code, message, stack } = error as Record<string, unknown>;
  return {
    type: typeof name === 'string' ? name : 'Error',
    code: typeof code === 'string' ? code : undefined,
    message: typeof message === 'string' ? scrubText(message) : undefined,
    stack: typeof stack === 'string' ? scrubText(stack) : undefined,
  };
}

export type { Logger };
