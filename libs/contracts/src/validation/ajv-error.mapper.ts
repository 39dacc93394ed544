import type { ErrorObject } from 'ajv';
import {
  FORMAT_FAULTS,
  FORMAT_LABELS,
  type SemanticFormat,
  isSemanticFormat,
} from '../formats/semantic.formats';
import type { ValidationCode, ValidationIssue } from './validation.types';

/**
 * Shared schemas (by `$id`) that stand for one semantic format, e.g. `common:niss` for `niss`.
 * Their other keywords (a pattern, a length) check the same fact as the format, so a failure of
 * any of them is the format's fault and gets its code: a 10-digit NISS is NISS_INVALID as much as
 * one with wrong check digits.
 */
export type SemanticSchemas = ReadonlyMap<string, SemanticFormat>;

const NO_SEMANTIC_SCHEMAS: SemanticSchemas = new Map();
// A wrong JSON type (a number for a NISS) stays SCHEMA_TYPE: the shape, not the value, is wrong.
const SAME_FACT_KEYWORDS = new Set(['pattern', 'minLength', 'maxLength']);

/**
 * Unknown property names come from the sender and could themselves be a NISS or a name; only
 * names that look like field names are echoed in pointers, the rest are replaced by this token.
 */
export const REDACTED_PROPERTY = '(redacted)';
const FIELD_NAME = /^[A-Za-z_$][A-Za-z0-9_$-]{0,63}$/;
const DIGIT_RUN = /\d{5,}/;

type Mapping = { code: ValidationCode; message: string; child?: string };
type Mapper = (params: Record<string, unknown>) => Mapping;

const range: Mapper = (p) => ({
  code: 'SCHEMA_RANGE',
  message: `must be ${String(p['comparison'])} ${String(p['limit'])}`,
});

// Messages describe the rule, never the offending value (it may be personal data).
const MAPPERS: Readonly<Record<string, Mapper>> = {
  required: (p) => ({
    code: 'SCHEMA_REQUIRED',
    message: 'required property is missing',
    child: String(p['missingProperty']),
  }),
  additionalProperties: (p) => ({
    code: 'SCHEMA_ADDITIONAL_PROPERTY',
    message: 'property is not allowed by the contract',
    child: safeName(p['additionalProperty']),
  }),
  unevaluatedProperties: (p) => ({
    code: 'SCHEMA_ADDITIONAL_PROPERTY',
    message: 'property is not allowed by the contract',
    child: safeName(p['unevaluatedProperty']),
  }),
  type: (p) => ({ code: 'SCHEMA_TYPE', message: `must be of type ${String(p['type'])}` }),
  format: (p) => ({
    code: 'SCHEMA_FORMAT',
    message: `must be a valid ${FORMAT_LABELS[String(p['format'])] ?? String(p['format'])}`,
  }),
  enum: (p) => ({ code: 'SCHEMA_ENUM', message: `must be one of: ${listOf(p['allowedValues'])}` }),
  const: (p) => ({
    code: 'SCHEMA_CONST',
    message: `must be exactly ${JSON.stringify(p['allowedValue'])}`,
  }),
  pattern: () => ({ code: 'SCHEMA_PATTERN', message: 'does not have the required shape' }),
  minLength: (p) => ({
    code: 'SCHEMA_LENGTH',
    message: `must have at least ${String(p['limit'])} characters`,
  }),
  maxLength: (p) => ({
    code: 'SCHEMA_LENGTH',
    message: `must have at most ${String(p['limit'])} characters`,
  }),
  minimum: range,
  maximum: range,
  exclusiveMinimum: range,
  exclusiveMaximum: range,
  minItems: (p) => ({
    code: 'SCHEMA_ITEMS',
    message: `must have at least ${String(p['limit'])} item(s)`,
  }),
  maxItems: (p) => ({
    code: 'SCHEMA_ITEMS',
    message: `must have at most ${String(p['limit'])} item(s)`,
  }),
  uniqueItems: () => ({ code: 'SCHEMA_ITEMS', message: 'must not contain the same item twice' }),
  minProperties: (p) => ({
    code: 'SCHEMA_PROPERTIES',
    message: `must have at least ${String(p['limit'])} properties`,
  }),
  maxProperties: (p) => ({
    code: 'SCHEMA_PROPERTIES',
    message: `must have at most ${String(p['limit'])} properties`,
  }),
};

/** Turns Ajv errors into plain-words issues whose pointers are prefixed with `basePointer`. */
export function mapAjvErrors(
  errors: readonly ErrorObject[] | null | undefined,
  basePointer = '',
  semanticSchemas: SemanticSchemas = NO_SEMANTIC_SCHEMAS,
): ValidationIssue[] {
  const issues = (errors ?? []).map((error) => mapAjvError(error, basePointer, semanticSchemas));
  const seen = new Set<string>();
  // Without allErrors Ajv stops at the first failure, but combinators can still report several.
  return issues.filter((issue) => {
    const key = `${issue.code} ${issue.pointer}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

/**
 * Maps one Ajv error: a semantic fault gets its own code (NISS_INVALID...), other keywords their
 * SCHEMA_* code; unknown keywords become SCHEMA_INVALID rather than being dropped.
 */
export function mapAjvError(
  error: ErrorObject,
  basePointer = '',
  semanticSchemas: SemanticSchemas = NO_SEMANTIC_SCHEMAS,
): ValidationIssue {
  const mapper = MAPPERS[error.keyword];
  const mapping: Mapping = semanticFaultOf(error, semanticSchemas) ??
    mapper?.(error.params as Record<string, unknown>) ?? {
      code: 'SCHEMA_INVALID',
      message: 'does not satisfy the contract',
    };
  const child = mapping.child === undefined ? '' : `/${escapePointerToken(mapping.child)}`;
  return {
    pointer: basePointer + error.instancePath + child,
    code: mapping.code,
    message: mapping.message,
  };
}

/** The fault of a semantic format, when the error is one (see SemanticSchemas). */
function semanticFaultOf(
  error: ErrorObject,
  semanticSchemas: SemanticSchemas,
): Mapping | undefined {
  if (error.keyword === 'format') {
    const format = String(error.params['format']);
    return isSemanticFormat(format) ? FORMAT_FAULTS[format] : undefined;
  }
  if (!SAME_FACT_KEYWORDS.has(error.keyword)) return undefined;
  // Inside a shared schema Ajv reports `<$id>/<keyword>` (or `<$id>#/<keyword>`).
  const schemaId = error.schemaPath.slice(0, error.schemaPath.lastIndexOf('/')).replace(/#$/, '');
  const format = semanticSchemas.get(schemaId);
  return format === undefined ? undefined : FORMAT_FAULTS[format];
}

/** Escapes one JSON pointer reference token (RFC 6901). */
export function escapePointerToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

function safeName(name: unknown): string {
  const text = String(name);
  return FIELD_NAME.test(text) && !DIGIT_RUN.test(text) ? text : REDACTED_PROPERTY;
}

function listOf(values: unknown): string {
  return Array.isArray(values) ? values.map((v) => String(v)).join(', ') : '';
}
