/**
 * The Belgian modulo-97 check used by national and enterprise numbers: `97 - (base mod 97)`.
 * A base divisible by 97 gives 97, which still fits the two check digits.
 */
export function mod97CheckDigits(base: number): number {
  return 97 - (base % 97);
}
