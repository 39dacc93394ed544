import { scrubText } from '@rtw/platform';
import type { VersionAnswer } from '../versions/dataset-version.types';

/** A reason as INAMI's answer gives it, kept on the version: its code and text, bounded. */
export type AnswerReason = NonNullable<VersionAnswer['reasons']>[number];

const REASON_CODE = /^[A-Z][A-Z0-9_]{1,63}$/;
const MAX_REASONS = 20;
const MAX_TEXT = 300;

/**
 * INAMI's reasons read from its HTTP answer (ADR 0109), as delivery recorded it: the redacted first
 * bytes of the body. INAMI answers a refusal with a problem document, `{ code, message,
 * reasons?: [{ code, text? }], pointer? }`: the `reasons` when it lists some, else its `code`
 * with its `message` (and pointer). Only well-formed codes are kept, texts are bounded and
 * scrubbed again; undefined when the excerpt is not such a document (another body, or cut short
 * by the excerpt's size), so the caller falls back to delivery's reason code.
 */
export function reasonsOfAnswer(excerpt: string | undefined): AnswerReason[] | undefined {
  if (!excerpt) return undefined;
  let body: unknown;
  try {
    body = JSON.parse(excerpt);
  } catch {
    return undefined;
  }
  if (!isRecord(body)) return undefined;
  const listed = Array.isArray(body['reasons'])
    ? body['reasons'].filter(isRecord).map((reason) => reasonOf(reason['code'], reason['text']))
    : [];
  const kept = listed.filter((reason): reason is AnswerReason => reason !== undefined);
  if (kept.length > 0) return kept.slice(0, MAX_REASONS);
  const pointer = typeof body['pointer'] === 'string' ? ` at ${body['pointer']}` : '';
  const single = reasonOf(
    body['code'],
    typeof body['message'] === 'string' ? `${body['message']}${pointer}` : undefined,
  );
  return single ? [single] : undefined;
}

/** INAMI's reference of an acknowledgement, when its answer names one (`reference`). */
export function referenceOfAnswer(excerpt: string | undefined): string | undefined {
  if (!excerpt) return undefined;
  try {
    const body: unknown = JSON.parse(excerpt);
    const reference = isRecord(body) ? body['reference'] : undefined;
    return typeof reference === 'string' && /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/.test(reference)
      ? reference
      : undefined;
  } catch {
    return undefined;
  }
}

function reasonOf(code: unknown, text: unknown): AnswerReason | undefined {
  if (typeof code !== 'string' || !REASON_CODE.test(code)) return undefined;
  if (typeof text !== 'string' || text.trim() === '') return { code };
  // eslint-disable-next-line no-control-regex
  const flat = text.replace(/[\u0000-\u001f\u007f]/g, ' ').trim();
  // Masked before it is cut, so a number at the cut cannot escape the mask.
  const masked = scrubText(flat).replace(/\d{9,}/g, '[digits-redacted]');
  return { code, text: masked.slice(0, MAX_TEXT) };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
