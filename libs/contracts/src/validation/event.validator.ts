import type { ValidateFunction } from 'ajv';
import type { CanonicalEvent } from '@rtw/contract-types';
import { parseSchemaId } from '../registry/contract-id.parser';
import { isJsonObject } from '../registry/schema-document.types';
import { type SemanticSchemas, mapAjvErrors } from './ajv-error.mapper';
import { checkSize } from './size.guard';
import { type ValidationIssue, type ValidationResult, invalid } from './validation.types';

/** What event validation needs from a registry. */
export interface ContractLookup {
  readonly envelope: ValidateFunction;
  /** Shared schemas that stand for a semantic format, for specific error codes. */
  readonly semanticSchemas: SemanticSchemas;
  hasType(type: string): boolean;
  validatorFor(type: string, version: number): ValidateFunction | undefined;
}

/**
 * Validates a parsed structured-mode CloudEvent: the envelope first, then the contract named by
 * `type` and the major version in `dataschema`, then `data` against that contract.
 */
export function validateCanonicalEvent(
  lookup: ContractLookup,
  event: unknown,
): ValidationResult<CanonicalEvent> {
  if (!isJsonObject(event)) {
    return invalid({
      pointer: '',
      code: 'ENVELOPE_INVALID',
      message: 'event must be a JSON object',
    });
  }
  if (!lookup.envelope(event)) {
    return { ok: false, errors: mapAjvErrors(lookup.envelope.errors, '', lookup.semanticSchemas) };
  }
  const contract = contractOf(lookup, event['type'] as string, event['dataschema'] as string);
  if ('code' in contract) return invalid(contract);
  if (!contract(event['data'])) {
    return { ok: false, errors: mapAjvErrors(contract.errors, '/data', lookup.semanticSchemas) };
  }
  return { ok: true, event: event as unknown as CanonicalEvent };
}

/** The data validator an envelope names, or why there is none. */
function contractOf(
  lookup: ContractLookup,
  type: string,
  dataschema: string,
): ValidateFunction | ValidationIssue {
  if (!lookup.hasType(type)) {
    return {
      pointer: '/type',
      code: 'UNKNOWN_EVENT_TYPE',
      message: 'event type is not a known contract',
    };
  }
  const ref = parseSchemaId(dataschema);
  if (!ref || ref.type !== type) {
    const message = 'dataschema must name the same event type as type';
    return { pointer: '/dataschema', code: 'ENVELOPE_INVALID', message };
  }
  const message = 'no contract version with this number exists for the event type';
  return (
    lookup.validatorFor(type, ref.version) ?? {
      pointer: '/dataschema',
      code: 'UNKNOWN_SCHEMA_VERSION',
      message,
    }
  );
}

/** Size guard, JSON parse and validation of a raw event as received (bytes or text). */
export function validateRawEvent(
  lookup: ContractLookup,
  raw: Uint8Array | string,
  maxBytes?: number,
): ValidationResult<CanonicalEvent> {
  const size = checkSize(raw, maxBytes);
  if (!size.ok) return size;
  let parsed: unknown;
  try {
    parsed = JSON.parse(typeof raw === 'string' ? raw : asBuffer(raw).toString('utf8'));
  } catch {
    // The parser's message quotes the input around the fault: not repeated here.
    return invalid({ pointer: '', code: 'ENVELOPE_INVALID', message: 'event is not valid JSON' });
  }
  return validateCanonicalEvent(lookup, parsed);
}

/** A Buffer view of the same bytes (no copy), so decoding costs what the parse costs. */
function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes)
    ? bytes
    : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
