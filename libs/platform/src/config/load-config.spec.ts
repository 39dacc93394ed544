import { ConfigError } from './config.error';
import { bool, hostPortList, int, oneOf, port, str, url } from './env-fields';
import { describeConfig, loadConfig } from './load-config';

const spec = {
  NAME: str({ description: 'a name' }),
  WORKERS: int({ default: 4, min: 1, max: 8, description: 'workers' }),
  PORT: port({ default: 3000, description: 'port' }),
  DEBUG: bool({ default: false, description: 'debug' }),
  MODE: oneOf(['a', 'b'] as const, { default: 'a', description: 'mode' }),
  BROKERS: hostPortList({ default: ['127.0.0.1:9092'], description: 'brokers' }),
  DB: url({ default: 'postgres://x@h:5432/d', protocols: ['postgres:'], description: 'db' }),
};

describe('loadConfig', () => {
  it('returns a typed, frozen object with defaults for unset keys', () => {
    const config = loadConfig(spec, {
      NAME: 'hub',
      WORKERS: '2',
      DEBUG: 'yes',
      BROKERS: 'a:1, b:2',
    });
    expect(config).toEqual({
      NAME: 'hub',
      WORKERS: 2,
      PORT: 3000,
      DEBUG: true,
      MODE: 'a',
      BROKERS: ['a:1', 'b:2'],
      DB: 'postgres://x@h:5432/d',
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('names every bad key at once, with a reason, and never echoes a value', () => {
    const env = {
      WORKERS: '99',
      PORT: 'http',
      DEBUG: 'maybe',
      MODE: 'c',
      BROKERS: 'nohost',
      DB: 'mysql://secret@h/d',
    };
    let error: unknown;
    try {
      loadConfig(spec, env);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems.map((p) => p.key)).toEqual([
      'NAME',
      'WORKERS',
      'PORT',
      'DEBUG',
      'MODE',
      'BROKERS',
      'DB',
    ]);
    expect(problems.find((p) => p.key === 'NAME')?.reason).toBe('is required');
    expect(problems.find((p) => p.key === 'WORKERS')?.reason).toBe('must be between 1 and 8');
    expect((error as ConfigError).code).toBe('CONFIG_INVALID');
    expect((error as ConfigError).message).not.toContain('secret');
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig(spec, { NAME: 'x', PORT: '' }).PORT).toBe(3000);
  });

  it('describes a specification as .env.example lines', () => {
    expect(describeConfig({ PORT: spec.PORT, NAME: spec.NAME })).toEqual([
      '# port',
      'PORT=3000',
      '# a name (required)',
      'NAME=',
    ]);
  });
});
