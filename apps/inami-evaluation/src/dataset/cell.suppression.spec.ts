import { SMALL_CELL_THRESHOLD, toCell } from './cell.suppression';

describe('small-cell suppression', () => {
  it('suppresses cells of 1 to 4 people, marking them rather than zeroing them', () => {
    for (const count of [1, 2, 3, 4]) expect(toCell(count)).toEqual({ suppressed: true });
  });

  it('publishes cells of 5 people and more, and cells of nobody', () => {
    expect(SMALL_CELL_THRESHOLD).toBe(5);
    expect(toCell(5)).toEqual({ count: 5, suppressed: false });
    expect(toCell(1234)).toEqual({ count: 1234, suppressed: false });
    expect(toCell(0)).toEqual({ count: 0, suppressed: false });
  });

  it('follows another threshold when given one', () => {
    expect(toCell(9, 10)).toEqual({ suppressed: true });
    expect(toCell(10, 10)).toEqual({ count: 10, suppressed: false });
  });
});
