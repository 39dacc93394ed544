import { createHash } from 'node:crypto';
import type { Cell, EvaluationDataset } from '../dataset/dataset.types';

/** A figure that differs between two versions: a theme in a quarter (or a total). */
export interface FigureChange {
  /** `costSharingKey` or `barometer`, then the theme's path, e.g. `barometer/categorisation/category4`. */
  readonly figure: string;
  readonly quarter?: number;
  /** A count, `suppressed` (a small cell) or absent (the figure is new or gone). */
  readonly from?: number | 'suppressed';
  readonly to?: number | 'suppressed';
}

/** What changed from one version to another (pseudonyms only: nothing identifies a person). */
export interface VersionDiff {
  readonly figures: FigureChange[];
  readonly trajectories: {
    readonly added: string[];
    readonly removed: string[];
    readonly changed: string[];
    readonly unchanged: number;
  };
  readonly findings: { readonly from: number; readonly to: number };
}

/**
 * Compares two datasets of one insurer and year (ADR 0083): each published figure per theme and
 * quarter, and the trajectory records by pseudonym (stable across versions of a year, ADR 0080).
 * Records are compared by a hash of their content, so only hashes are held per pseudonym.
 */
export function diffDatasets(from: EvaluationDataset, to: EvaluationDataset): VersionDiff {
  const before = figures(from);
  const after = figures(to);
  const changes: FigureChange[] = [];
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    const a = before.get(key);
    const b = after.get(key);
    if (a === b) continue;
    const [figure, quarter] = key.split('@') as [string, string | undefined];
    changes.push({
      figure,
      ...(quarter !== undefined ? { quarter: Number(quarter) } : {}),
      ...(a !== undefined ? { from: a } : {}),
      ...(b !== undefined ? { to: b } : {}),
    });
  }
  const old = records(from);
  const now = records(to);
  const added: string[] = [];
  const changed: string[] = [];
  let unchanged = 0;
  for (const [pseudonym, hash] of now) {
    const previous = old.get(pseudonym);
    if (previous === undefined) added.push(pseudonym);
    else if (previous !== hash) changed.push(pseudonym);
    else unchanged += 1;
  }
  const removed = [...old.keys()].filter((pseudonym) => !now.has(pseudonym));
  return {
    figures: changes,
    trajectories: {
      added: added.sort(),
      removed: removed.sort(),
      changed: changed.sort(),
      unchanged,
    },
    findings: {
      from: from.reconciliation.finding?.length ?? 0,
      to: to.reconciliation.finding?.length ?? 0,
    },
  };
}

function records(dataset: EvaluationDataset): Map<string, string> {
  return new Map(
    (dataset.trajectory ?? []).map((record) => [
      record.pseudonym,
      createHash('sha256').update(JSON.stringify(record)).digest('hex'),
    ]),
  );
}

/** Every cell of the dataset as `<path>@<quarter>` → its published value, plus the total. */
function figures(dataset: EvaluationDataset): Map<string, number | 'suppressed'> {
  const out = new Map<string, number | 'suppressed'>();
  out.set('reconciliation/trajectoriesCounted', dataset.reconciliation.trajectoriesCounted);
  const walk = (prefix: string, value: unknown, quarter: number): void => {
    if (isCell(value)) {
      out.set(`${prefix}@${quarter}`, value.suppressed ? 'suppressed' : value.count);
      return;
    }
    if (Array.isArray(value)) {
      // The regional services: one entry per service, named by its code.
      for (const item of value as Array<Record<string, unknown>>) {
        const { service, ...rest } = item;
        walk(`${prefix}/${String(service)}`, rest, quarter);
      }
      return;
    }
    if (typeof value === 'object' && value !== null) {
      for (const [name, inner] of Object.entries(value)) {
        if (name !== 'quarter') walk(`${prefix}/${name}`, inner, quarter);
      }
    }
  };
  for (const part of ['costSharingKey', 'barometer'] as const) {
    for (const quarter of dataset[part].quarter) walk(part, quarter, quarter.quarter);
  }
  return out;
}

function isCell(value: unknown): value is Cell {
  return typeof value === 'object' && value !== null && 'suppressed' in value;
}
