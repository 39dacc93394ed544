import { seedFor, seededRandom } from './seeded.random';

/** How an organisation behaves (PUT /control/partners/<org>). */
export const FAULT_MODES = [
  'ok',
  'rate-limit',
  'error-5xx',
  'timeout',
  'malformed-answer',
  'down',
  // A business refusal: the document is read and refused with reasons (422), as INAMI refuses a
  // dataset it cannot accept (ADR 0082).
  'refuse',
] as const;
export type FaultMode = (typeof FAULT_MODES)[number];

/** An organisation's current behaviour, as set through the control API. */
export interface FaultControl {
  readonly mode: FaultMode;
  /** Share of deliveries the mode applies to, 0..1 (1 by default); the others are answered ok. */
  readonly failureRate: number;
  /** Epoch milliseconds after which the organisation behaves normally again. */
  readonly untilMs?: number;
  /** Seconds in the Retry-After of a rate-limit answer (1 by default). */
  readonly retryAfterS: number;
  /** Seed of this organisation's draws; the sandbox's seed by default. */
  readonly seed: number;
}

/** What the sandbox does with one delivery. */
export type FaultDecision = Exclude<FaultMode, 'malformed-answer'> | 'ok-malformed-answers';

/**
 * The failure switches of every organisation, with deterministic draws: each organisation has its
 * own seeded sequence, restarted whenever its control is set, so "fail 30 % of deliveries with
 * seed 7" fails the same ones on every run, whatever other organisations receive meanwhile.
 */
export class FaultControls {
  private readonly controls = new Map<string, FaultControl>();
  private readonly draws = new Map<string, () => number>();

  constructor(private readonly defaultSeed: number) {}

  set(organisation: string, control: Partial<FaultControl> & { mode: FaultMode }): FaultControl {
    const complete: FaultControl = {
      mode: control.mode,
      failureRate: control.failureRate ?? 1,
      retryAfterS: control.retryAfterS ?? 1,
      seed: control.seed ?? this.defaultSeed,
      ...(control.untilMs === undefined ? {} : { untilMs: control.untilMs }),
    };
    this.controls.set(organisation, complete);
    this.draws.set(organisation, seededRandom(seedFor(complete.seed, organisation)));
    return complete;
  }

  /** The organisation's control ('ok' when none was set or its time ran out). */
  get(organisation: string, nowMs: number): FaultControl {
    const control = this.controls.get(organisation);
    if (!control || (control.untilMs !== undefined && nowMs >= control.untilMs))
      return { mode: 'ok', failureRate: 0, retryAfterS: 1, seed: this.defaultSeed };
    return control;
  }

  /** Decides the fate of one delivery: one draw per delivery while a mode other than ok is on. */
  decide(organisation: string, nowMs: number): FaultDecision {
    const control = this.get(organisation, nowMs);
    if (control.mode === 'ok') return 'ok';
    const draw = this.draws.get(organisation)?.() ?? 0;
    const hit = control.failureRate >= 1 || draw < control.failureRate;
    if (!hit) return 'ok';
    return control.mode === 'malformed-answer' ? 'ok-malformed-answers' : control.mode;
  }

  reset(): void {
    this.controls.clear();
    this.draws.clear();
  }
}
