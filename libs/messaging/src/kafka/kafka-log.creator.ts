// Routes kafkajs' own log lines into the hub logger as JSON fields. Only an allow-list of fields is
// kept: kafkajs attaches whatever error reached it, and a foreign error's message can quote data.
import { logLevel, type LogEntry, type logCreator } from 'kafkajs';
import { HubError } from '@rtw/platform';
import type { MessagingLogger } from '../logging/messaging-logger.port';

const KEPT_FIELDS = [
  'broker',
  'clientId',
  'groupId',
  'memberId',
  'topic',
  'partition',
  'offset',
  'retryCount',
  'retryTime',
  'correlationId',
  'apiName',
  'duration',
] as const;

/** A kafkajs `logCreator` writing to `logger`, with the kafkajs namespace as `component`. */
export function kafkaLogCreator(logger: MessagingLogger): logCreator {
  return () => (entry: LogEntry) => {
    const fields: Record<string, unknown> = { component: `kafkajs.${entry.namespace}` };
    for (const name of KEPT_FIELDS) {
      if (entry.log[name] !== undefined) fields[name] = entry.log[name];
    }
    if (entry.log['error'] !== undefined) fields['error'] = safeError(entry.log['error']);
    write(logger, entry.level, fields, entry.log.message);
  };
}

/** kafkajs errors describe brokers and protocol; HubErrors are safe by contract; others: class only. */
function safeError(error: unknown): string {
  if (typeof error === 'string') return error;
  if (error instanceof HubError) return `${error.code}: ${error.message}`;
  if (error instanceof Error)
    return error.name.startsWith('KafkaJS')
      ? `${error.name}: ${error.message}`
      : error.constructor.name;
  return typeof error;
}

function write(
  logger: MessagingLogger,
  level: logLevel,
  fields: Record<string, unknown>,
  message: string,
): void {
  switch (level) {
    case logLevel.ERROR:
      return logger.error(fields, message);
    case logLevel.WARN:
      return logger.warn(fields, message);
    case logLevel.INFO:
      return logger.info(fields, message);
    default:
      return logger.debug(fields, message);
  }
}
