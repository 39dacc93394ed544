import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { SEMANTIC_FORMATS } from './semantic.formats';

/** Values allowed for the `x-personal-data` annotation, from most to least identifying. */
const PERSONAL_DATA_KINDS = [
  'national-number',
  'name',
  'birth-date',
  'sex',
  'residence',
  'free-text',
] as const;

/** What kind of personal data a field carries, so connectors can minimise per recipient. */
export type PersonalDataKind = (typeof PERSONAL_DATA_KINDS)[number];

/** Standard formats we use from ajv-formats; `date` is ours (see SEMANTIC_FORMATS). */
const STANDARD_FORMATS = ['date-time', 'uuid', 'uri'] as const;

/**
 * An Ajv instance for untrusted input: strict schemas, first error only (no `allErrors`, which
 * lets a crafted event make validation do unbounded work), no `$data`, no coercion or defaults.
 */
export function createAjv(): Ajv2020 {
  const ajv = new Ajv2020({
    strict: true,
    allErrors: false,
    $data: false,
    coerceTypes: false,
    useDefaults: false,
    removeAdditional: false,
    validateFormats: true,
  });
  addFormats(ajv, [...STANDARD_FORMATS]);
  for (const [name, check] of Object.entries(SEMANTIC_FORMATS)) {
    ajv.addFormat(name, { type: 'string', validate: check });
  }
  // Annotation only: strict mode refuses unknown keywords, so declare it with its allowed values.
  ajv.addKeyword({
    keyword: 'x-personal-data',
    metaSchema: { type: 'string', enum: [...PERSONAL_DATA_KINDS] },
  });
  return ajv;
}
