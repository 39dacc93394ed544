/**
 * Text people write (names, street, municipality, job title, free-text notes) travels to partners
 * in XML 1.0 documents and ends up in logs and screens. These code points are refused in it:
 * - C0 controls U+0000-U+001F (NUL, ESC of ANSI escapes, TAB, CR, LF...), DEL and the C1 controls
 *   U+007F-U+009F: XML 1.0 cannot carry most of them, and line breaks forge log lines;
 * - the line and paragraph separators U+2028 and U+2029, line breaks by another name;
 * - the bidirectional embeddings, overrides and isolates U+202A-U+202E and U+2066-U+2069, which
 *   make text display in another order than it is stored ("Trojan Source");
 * - U+FFFE and U+FFFF, which XML 1.0 excludes, and unpaired UTF-16 surrogates, which are not
 *   characters at all and do not survive encoding to UTF-8.
 * Every other character is allowed: accents, other scripts, emoji, marks that join characters.
 */
export function isHumanText(value: string): boolean {
  for (let index = 0; index < value.length; index++) {
    const unit = value.charCodeAt(index);
    if (isHighSurrogate(unit)) {
      if (!isLowSurrogate(value.charCodeAt(index + 1))) return false;
      index++;
      continue;
    }
    if (isLowSurrogate(unit) || isForbiddenUnit(unit)) return false;
  }
  return true;
}

const isHighSurrogate = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;
const isLowSurrogate = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff;

function isForbiddenUnit(unit: number): boolean {
  return (
    unit <= 0x1f ||
    (unit >= 0x7f && unit <= 0x9f) ||
    unit === 0x2028 ||
    unit === 0x2029 ||
    (unit >= 0x202a && unit <= 0x202e) ||
    (unit >= 0x2066 && unit <= 0x2069) ||
    unit === 0xfffe ||
    unit === 0xffff
  );
}
