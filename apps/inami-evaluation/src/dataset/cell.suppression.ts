import type { Cell } from './dataset.types';

/** People fewer than this (and at least one) make a small cell, which is suppressed. */
export const SMALL_CELL_THRESHOLD = 5;

/**
 * A count as a dataset cell: 1 to threshold-1 people are suppressed (marked, not zeroed, so a
 * reader never mistakes a hidden figure for none); zero says that nobody is concerned and
 * singles no one out, so it stays.
 */
export function toCell(count: number, threshold: number = SMALL_CELL_THRESHOLD): Cell {
  return count > 0 && count < threshold ? { suppressed: true } : { count, suppressed: false };
}
