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
  if (!(error instanceof Error)) return { type: typeof error };
  const code = (error as { code?: unknown }).code;
  return {
    type: error.name,
    code: typeof code === 'string' ? code : undefined,
    message: scrubText(error.message),
    stack: error.stack ? scrubText(error.stack) : undefined,
  };
}

export type { Logger };
