import { summarize } from './stats';

describe('summarize', () => {
  it('reports nearest-rank percentiles of the samples', () => {
    const samples = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(summarize(samples)).toEqual({
      count: 100,
      p50: 50,
      p90: 90,
      p99: 99,
      max: 100,
      mean: 50.5,
    });
  });

  it('reports zeros for an empty run instead of NaN', () => {
    expect(summarize([])).toEqual({ count: 0, p50: 0, p90: 0, p99: 0, max: 0, mean: 0 });
  });
});
