import { ConfigError, loadConfig } from '@rtw/platform';
import { OVERVIEW_CONFIG_SPEC } from './overview.config';

describe('the overview configuration', () => {
  it('reads the watched apps as name=url pairs', () => {
    const config = loadConfig(OVERVIEW_CONFIG_SPEC, {
      MONITOR_SCRAPE_TARGETS: 'gateway=http://10.0.0.5:3000, delivery=https://delivery.hub:8443',
    });
    expect(config.MONITOR_SCRAPE_TARGETS).toEqual([
      { name: 'gateway', url: 'http://10.0.0.5:3000' },
      { name: 'delivery', url: 'https://delivery.hub:8443' },
    ]);
  });

  it.each([
    ['a URL without a name', 'http://10.0.0.5:3000', 'each entry must be name=http(s)://host:port'],
    [
      'a scheme other than http',
      'gateway=ftp://10.0.0.5',
      'each entry must be name=http(s)://host:port',
    ],
    ['a name twice', 'a=http://h:1,a=http://h:2', 'each name may appear once'],
  ])('refuses %s, naming the key and the reason', (_, raw, reason) => {
    expect(problemsOf(raw)).toEqual([{ key: 'MONITOR_SCRAPE_TARGETS', reason }]);
  });
});

function problemsOf(raw: string): ConfigError['problems'] {
  try {
    loadConfig(OVERVIEW_CONFIG_SPEC, { MONITOR_SCRAPE_TARGETS: raw });
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}
