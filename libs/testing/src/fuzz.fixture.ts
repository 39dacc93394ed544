// FOR TESTS ONLY: what the property-based tests (fast-check) share. Runs are repeatable: every
// property uses FUZZ_SEED (fixed unless the environment sets another), and fast-check prints the
// seed and the path of a failing run, so `FUZZ_SEED=<seed> npm test` replays it.
import fc from 'fast-check';
import type { JsonEvent } from './canonical-events.fixture';

/** The seed of every property run; set FUZZ_SEED to explore others or replay a failure. */
export const FUZZ_SEED = Number.parseInt(process.env['FUZZ_SEED'] ?? '', 10) || 20261130;

/** fast-check parameters: the shared seed and a bounded number of runs. */
export function fuzzParameters(numRuns: number): { seed: number; numRuns: number } {
  return { seed: FUZZ_SEED, numRuns };
}

/** A marker no refusal message may repeat: messages never quote a value that was sent. */
export const ECHO_SENTINEL = 'Zq7echoSentinel';

/**
 * Text an attacker or a broken system sends: NUL and other C0 controls, CR-LF, bidi overrides,
 * ANSI escapes, lone surrogates, prototype keys, huge and empty strings, percent-encoding, mixed
 * with arbitrary Unicode. Some carry {@link ECHO_SENTINEL}.
 */
export function hostileText(): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom(
      '',
      ' ',
      '\u0000',
      'a\u0000b',
      '\u0007\u0008\u001f',
      '\r\n',
      'line\r\nInjected: header',
      '\u202e\u2066reversed',
      '\u001b[31mred\u001b[0m',
      '\ud800',
      '\udfff lone',
      '__proto__',
      'constructor',
      '%00',
      '%E0%A4%A',
      '%C0%80',
      '../../etc/passwd',
      "'; DROP TABLE outbox; --",
      ECHO_SENTINEL,
      `${ECHO_SENTINEL}\u0000`,
      'x'.repeat(1000),
    ),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.string({ unit: 'grapheme', maxLength: 20 }).map((text) => `${ECHO_SENTINEL}${text}`),
  );
}

/** One edit of an event, at the `at`-th of its JSON locations (wrapping around). */
export type EventMutation =
  | { kind: 'delete'; at: number }
  | { kind: 'replace'; at: number; value: unknown }
  | { kind: 'add'; at: number; key: string; value: unknown };

/** Edits that break an event in every way a contract can be broken, and some it cannot see. */
export function eventMutations(maxEdits = 3): fc.Arbitrary<EventMutation[]> {
  const value = fc.oneof(
    hostileText(),
    fc.jsonValue({ maxDepth: 3 }),
    fc.constantFrom(
      null,
      true,
      0,
      -1,
      1e308,
      [],
      {},
      '2026-02-30',
      '00000000-0000-0000-0000-000000000000',
    ),
  );
  const at = fc.nat();
  return fc.array(
    fc.oneof(
      fc.record({ kind: fc.constant('delete' as const), at }),
      fc.record({ kind: fc.constant('replace' as const), at, value }),
      fc.record({ kind: fc.constant('add' as const), at, key: hostileText(), value }),
    ),
    { minLength: 1, maxLength: maxEdits },
  );
}

/** A copy of `event` with the mutations applied in order (an `add` of `__proto__` adds an own key). */
export function applyMutations(event: JsonEvent, mutations: readonly EventMutation[]): unknown {
  let root: unknown = structuredClone(event);
  for (const mutation of mutations) {
    const locations = locationsOf(root);
    const location = locations[mutation.at % locations.length]!;
    if (mutation.kind === 'add') {
      const container = location.parent ?? root;
      if (typeof container === 'object' && container !== null && !Array.isArray(container))
        Object.defineProperty(container, mutation.key, {
          value: mutation.value,
          enumerable: true,
          configurable: true,
          writable: true,
        });
      continue;
    }
    if (location.parent === undefined) {
      root = mutation.kind === 'replace' ? mutation.value : {};
      continue;
    }
    if (mutation.kind === 'delete') {
      if (Array.isArray(location.parent)) location.parent.splice(Number(location.key), 1);
      else delete (location.parent as Record<string, unknown>)[location.key];
    } else (location.parent as Record<string, unknown>)[location.key] = mutation.value;
  }
  return root;
}

interface Location {
  parent?: object;
  key: string;
}

/** Every value in a JSON document, the root first, as (parent, key) pairs. */
function locationsOf(root: unknown): Location[] {
  const found: Location[] = [{ key: '' }];
  const visit = (value: unknown) => {
    if (typeof value !== 'object' || value === null) return;
    for (const key of Object.keys(value)) {
      found.push({ parent: value, key });
      visit((value as Record<string, unknown>)[key]);
    }
  };
  visit(root);
  return found;
}
