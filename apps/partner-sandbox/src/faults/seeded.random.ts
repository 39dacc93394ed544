/**
 * A small deterministic pseudo-random generator (mulberry32): the same seed gives the same
 * sequence of draws in [0, 1), so a fault test with a failure rate fails the same deliveries on
 * every run. Not for anything secret.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A 32-bit seed for one organisation, from the run's seed and its id (FNV-1a). */
export function seedFor(seed: number, organisation: string): number {
  let hash = 0x811c9dc5 ^ seed;
  for (const char of organisation) {
    hash ^= char.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
