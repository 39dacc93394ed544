import { parsePrometheusText } from './prometheus-text.parser';

describe('parsePrometheusText', () => {
  it('keeps every histogram series apart, with its labels, _sum and _count', () => {
    const samples = parsePrometheusText(
      [
        '# HELP h_seconds d',
        '# TYPE h_seconds histogram',
        'h_seconds_bucket{le="0.1",organisation="regional:vdab"} 1',
        'h_seconds_bucket{le="+Inf",organisation="regional:vdab"} 2',
        'h_seconds_sum{organisation="regional:vdab"} 0.3',
        'h_seconds_count{organisation="regional:vdab"} 2',
        'h_seconds_bucket{le="+Inf",organisation="inami:inami"} 5',
      ].join('\n'),
    );
    expect(samples).toEqual([
      { name: 'h_seconds_bucket', labels: { le: '0.1', organisation: 'regional:vdab' }, value: 1 },
      {
        name: 'h_seconds_bucket',
        labels: { le: '+Inf', organisation: 'regional:vdab' },
        value: 2,
      },
      { name: 'h_seconds_sum', labels: { organisation: 'regional:vdab' }, value: 0.3 },
      { name: 'h_seconds_count', labels: { organisation: 'regional:vdab' }, value: 2 },
      { name: 'h_seconds_bucket', labels: { le: '+Inf', organisation: 'inami:inami' }, value: 5 },
    ]);
  });

  it('reads unlabelled samples, escaped label values, timestamps and special values', () => {
    const samples = parsePrometheusText(
      [
        'up 1',
        'a{help="say \\"hi\\"\\nnow",b="c\\\\d"} +Inf 1700000000000',
        'b_total{x="1",} NaN',
      ].join('\n'),
    );
    expect(samples[0]).toEqual({ name: 'up', labels: {}, value: 1 });
    expect(samples[1]).toEqual({
      name: 'a',
      labels: { help: 'say "hi"\nnow', b: 'c\\d' },
      value: Infinity,
    });
    expect(samples[2]?.labels).toEqual({ x: '1' });
    expect(samples[2]?.value).toBeNaN();
  });

  it('skips lines that are not samples rather than failing the whole scrape', () => {
    expect(parsePrometheusText('not a metric line at all\nok 2\nbad{x=1} 3')).toEqual([
      { name: 'ok', labels: {}, value: 2 },
    ]);
  });
});
