// Maps a timeline's buckets onto the terminal columns available for it, always filling them.
// With fewer columns than buckets, consecutive buckets merge into one column (worst state wins,
// failures add up); with more, each bucket is drawn one or more columns wide (widths differ by
// at most one column, so time stays within one column of uniform). Pure: numbers in and out.

import type { NodeLaneState } from '../result/run-result.js';
import { worseLaneState } from './lane-states.js';

export interface ColumnMapping {
  readonly bucketCount: number;
  readonly columnCount: number;
}

/** How many columns to draw `bucketCount` buckets in when `availableColumns` are free. */
export function chooseColumnMapping(bucketCount: number, availableColumns: number): ColumnMapping {
  const available = Math.max(1, Math.floor(availableColumns));
  if (bucketCount <= 0) return { bucketCount: 0, columnCount: 0 };
  return { bucketCount, columnCount: available };
}

/** The column a bucket is drawn in (its first column when a bucket spans several). */
export function columnOfBucket(mapping: ColumnMapping, bucket: number): number {
  const clamped = Math.min(Math.max(0, bucket), mapping.bucketCount - 1);
  const scaled = (clamped * mapping.columnCount) / mapping.bucketCount;
  // Widened: the first column showing the bucket (see valuesPerColumn). Merged: the column
  // the bucket merges into.
  return mapping.columnCount >= mapping.bucketCount ? Math.ceil(scaled) : Math.floor(scaled);
}

/** Merges or widens per-bucket values into per-column values. */
export function valuesPerColumn<T>(
  mapping: ColumnMapping,
  values: readonly T[],
  merge: (kept: T, next: T) => T,
): T[] {
  const columns: T[] = [];
  if (mapping.columnCount >= mapping.bucketCount) {
    for (let column = 0; column < mapping.columnCount; column++) {
      columns.push(values[Math.floor((column * mapping.bucketCount) / mapping.columnCount)]);
    }
    return columns;
  }
  for (let bucket = 0; bucket < mapping.bucketCount; bucket++) {
    const column = columnOfBucket(mapping, bucket);
    columns[column] = column < columns.length ? merge(columns[column], values[bucket]) : values[bucket];
  }
  return columns;
}

export function statesPerColumn(mapping: ColumnMapping, states: readonly NodeLaneState[]): NodeLaneState[] {
  return valuesPerColumn(mapping, states, worseLaneState);
}

/**
 * Failed attempts per column: summed when buckets merge. When a bucket is widened each of its
 * columns repeats the bucket's count (a bar, not a split), so the scale still reads per bucket.
 */
export function countsPerColumn(mapping: ColumnMapping, counts: readonly number[]): number[] {
  return valuesPerColumn(mapping, counts, (kept, next) => kept + next);
}

/** Simulated time one column stands for, in microseconds. */
export function columnSpanUs(mapping: ColumnMapping, bucketUs: number): number {
  return mapping.columnCount === 0 ? 0 : (mapping.bucketCount * bucketUs) / mapping.columnCount;
}
