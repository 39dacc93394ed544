/** One column: its heading and how a row shows in it. */
export type Column<T> = readonly [heading: string, cell: (row: T) => unknown];

/** Widest a cell may be before it is cut with an ellipsis (a reason message, a summary). */
const MAX_CELL = 60;

/**
 * Plain text columns like `kubectl get` or `docker ps` print (no borders, two spaces apart), so
 * the output reads in a terminal and still cuts with `awk` or `column`: one heading line, one
 * line per row, `-` for an empty cell, newlines flattened. An empty table says `(none)` under the
 * heading.
 */
export function renderTable<T>(columns: readonly Column<T>[], rows: readonly T[]): string[] {
  const cells = rows.map((row) => columns.map(([, cell]) => text(cell(row))));
  const headings = columns.map(([heading]) => heading.toUpperCase());
  const widths = headings.map((heading, index) =>
    Math.max(heading.length, ...cells.map((line) => line[index]!.length)),
  );
  const line = (values: string[]) =>
    values
      .map((value, index) => (index === values.length - 1 ? value : value.padEnd(widths[index]!)))
      .join('  ')
      .trimEnd();
  return [line(headings), ...(cells.length === 0 ? ['(none)'] : cells.map(line))];
}

/** A cell's text: `-` for nothing, JSON for objects, one line, at most {@link MAX_CELL} chars. */
export function text(value: unknown): string {
  if (value === null || value === undefined || value === '') return '-';
  const raw = typeof value === 'object' ? JSON.stringify(value) : String(value);
  const flat = raw.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_CELL ? `${flat.slice(0, MAX_CELL - 1)}…` : flat;
}
