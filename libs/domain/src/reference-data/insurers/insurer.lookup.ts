import type { Insurer } from './insurer.types';
import { INSURERS } from './insurers.data';

const BY_CODE: ReadonlyMap<string, Insurer> = new Map(INSURERS.map((i) => [i.code, i]));

/** The insurer with this 3-digit code, or undefined. */
export function insurerByCode(code: string): Insurer | undefined {
  return BY_CODE.get(code);
}

/** True when the hub knows this insurer code (including ones that send no trajectory data). */
export function isKnownInsurer(code: string): boolean {
  return BY_CODE.has(code);
}

/** True when the insurer runs trajectories and may therefore open dossiers on the hub. */
export function sendsTrajectoryData(code: string): boolean {
  return BY_CODE.get(code)?.sendsTrajectoryData === true;
}
