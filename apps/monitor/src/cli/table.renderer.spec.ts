import { renderTable, text } from './table.renderer';

describe('the CLI tables', () => {
  it('lines columns up under upper-case headings, two spaces apart, without trailing spaces', () => {
    const lines = renderTable<{ id: string; n: number | null }>(
      [
        ['Partner', (row) => row.id],
        ['Attempts', (row) => row.n],
        ['Last', () => ''],
      ],
      [
        { id: 'regional:actiris', n: 5 },
        { id: 'cpmt:x', n: null },
      ],
    );
    expect(lines).toEqual([
      'PARTNER           ATTEMPTS  LAST',
      'regional:actiris  5         -',
      'cpmt:x            -         -',
    ]);
  });

  it('says (none) under the headings of an empty table', () => {
    expect(renderTable([['Alert', () => 'x']], [])).toEqual(['ALERT', '(none)']);
  });

  it('keeps a cell on one line and cuts a long one with an ellipsis', () => {
    expect(text('two\nlines')).toBe('two lines');
    expect(text({ pending: 1 })).toBe('{"pending":1}');
    const long = text('x'.repeat(200));
    expect(long).toHaveLength(60);
    expect(long.endsWith('…')).toBe(true);
  });
});
