/** Outcome of parsing an identifier: the parsed value, or a stable reason code (never the input). */
export type ParseResult<TValue, TReason extends string> =
  { readonly ok: true; readonly value: TValue } | { readonly ok: false; readonly reason: TReason };
