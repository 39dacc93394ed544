import type { Language } from '../language.types';

/** An insurer (organisme assureur / verzekeringsinstelling) as the hub knows it. */
export interface Insurer {
  /** 3-digit code carried in every event's `insurer` extension. */
  readonly code: string;
  /** Official name per language (German only where we know it). */
  readonly names: Readonly<Partial<Record<Language, string>>> & {
    readonly fr: string;
    readonly nl: string;
  };
  /** Short names and brands the public knows it by. */
  readonly brands: readonly string[];
  /** Pays incapacity allowances, hence runs return-to-work trajectories. */
  readonly paysIncapacityBenefits: boolean;
  /** Publishes trajectory events to the hub. */
  readonly sendsTrajectoryData: boolean;
  /** Facts here that rest on a secondary source only; treat as configurable. */
  readonly secondary?: readonly string[];
}
