/** Bounds on an untrusted XML document, checked before or while it is parsed. */
export interface XmlLimits {
  /** Largest document in bytes (UTF-8). */
  readonly maxBytes: number;
  /** Deepest element nesting; the root element is depth 1. */
  readonly maxDepth: number;
}

/**
 * Defaults sized for partner messages: a referral form or an answer is a few kilobytes and a dozen
 * levels deep; 256 KiB matches the canonical event limit, and libxml2 itself stops at 256 levels.
 */
export const DEFAULT_XML_LIMITS: XmlLimits = { maxBytes: 256 * 1024, maxDepth: 32 };

/** DEFAULT_XML_LIMITS with the given overrides; refuses limits that are not positive integers. */
export function resolveLimits(overrides: Partial<XmlLimits> = {}): XmlLimits {
  const limits = { ...DEFAULT_XML_LIMITS, ...overrides };
  for (const [name, value] of Object.entries(limits)) {
    if (!Number.isInteger(value) || value <= 0) {
      throw new RangeError(`XML limit ${name} must be a positive integer`);
    }
  }
  return limits;
}
