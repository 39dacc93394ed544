import { histogramQuantile } from './histogram.quantile';

describe('histogramQuantile', () => {
  it('interpolates inside the bucket that holds the rank, as Prometheus does', () => {
    // 100 observations: 50 up to 0.1 s, 40 more up to 0.5 s, 10 more up to 1 s.
    const buckets = [
      { le: 0.1, count: 50 },
      { le: 0.5, count: 90 },
      { le: 1, count: 100 },
      { le: Infinity, count: 100 },
    ];
    expect(histogramQuantile(0.5, buckets)).toBeCloseTo(0.1);
    expect(histogramQuantile(0.95, buckets)).toBeCloseTo(0.75);
    expect(histogramQuantile(0.25, buckets)).toBeCloseTo(0.05);
  });

  it('answers the highest finite bound when the rank falls in the +Inf bucket', () => {
    expect(
      histogramQuantile(0.95, [
        { le: 1, count: 1 },
        { le: Infinity, count: 10 },
      ]),
    ).toBe(1);
  });

  it('is null without observations', () => {
    expect(histogramQuantile(0.95, [{ le: Infinity, count: 0 }])).toBeNull();
    expect(histogramQuantile(0.95, [])).toBeNull();
  });
});
