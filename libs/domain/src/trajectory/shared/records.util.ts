/**
 * Looks up an entry by id among own properties only: ids come from outside, and an id such as
 * `constructor` must not find something on Object.prototype.
 */
export function entryOf<TValue>(
  records: Readonly<Record<string, TValue>>,
  id: string,
): TValue | undefined {
  return Object.hasOwn(records, id) ? records[id] : undefined;
}

/**
 * Replaces one entry, returning a new record. Unknown ids leave the record as it is, so a reducer
 * given an event the decider would have refused stays total.
 */
export function updateEntry<TValue>(
  records: Readonly<Record<string, TValue>>,
  id: string,
  update: (current: TValue) => TValue,
): Readonly<Record<string, TValue>> {
  const current = entryOf(records, id);
  return current === undefined ? records : { ...records, [id]: update(current) };
}
