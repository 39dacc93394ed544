/** Replaces a name that might carry data in an error path. */
export const REDACTED_NAME = '(redacted)';

// Same rule as the contract validator's pointers: a name that looks like a field name is echoed,
// anything else (a run of digits could be a NISS smuggled in as a tag name) is not.
const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_.:-]{0,63}$/;
const DIGIT_RUN = /\d{5,}/;

/** The name itself when it looks like a schema field name, REDACTED_NAME otherwise. */
export function safeName(name: string): string {
  return FIELD_NAME.test(name) && !DIGIT_RUN.test(name) ? name : REDACTED_NAME;
}

/** An element path `/a/b/c` built from names, each passed through safeName. */
export function safePath(names: readonly string[]): string {
  return names.map((name) => `/${safeName(name)}`).join('');
}
