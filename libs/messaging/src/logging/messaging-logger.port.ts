/** Structured fields of a log line: ids, codes, counts; never payloads or personal data. */
export type LogFields = Record<string, unknown>;

/**
 * The logger the messaging core writes to. A pino `Logger` (the platform's `createLogger`)
 * satisfies it as is; the core does not depend on a logging framework.
 */
export interface MessagingLogger {
  debug(fields: LogFields, message: string): void;
  info(fields: LogFields, message: string): void;
  warn(fields: LogFields, message: string): void;
  error(fields: LogFields, message: string): void;
}

/** The stack frames of an error without its first line, which repeats the message (it may quote data). */
export function stackFrames(error: unknown): string | undefined {
  if (!(error instanceof Error) || error.stack === undefined) return undefined;
  return error.stack
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .join('\n');
}
