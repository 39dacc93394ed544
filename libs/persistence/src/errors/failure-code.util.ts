import { HubError } from '@rtw/platform';

const SAFE_CODE = /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/;

/**
 * A short, stable label for a failure, safe for a database column and a metrics label: the
 * HubError code, else the error class name (e.g. `KafkaJSConnectionError`); never the message,
 * which may quote data.
 */
export function failureCode(error: unknown): string {
  if (error instanceof HubError) return error.code;
  if (error instanceof Error && SAFE_CODE.test(error.name) && error.name !== 'Error')
    return error.name;
  return 'UNKNOWN_ERROR';
}
