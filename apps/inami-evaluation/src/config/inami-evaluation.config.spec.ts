import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '@rtw/platform';
import { inamiEvaluationConfigSpec } from './inami-evaluation.config';

const ROOT = join(__dirname, '..', '..', '..', '..');

function problems(env: NodeJS.ProcessEnv): Array<{ key: string; reason: string }> {
  try {
    loadConfig(inamiEvaluationConfigSpec(env), env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return [...error.problems];
    throw error;
  }
}

function developmentSecret(): string {
  const line = readFileSync(join(ROOT, 'config', 'development.env'), 'utf8')
    .split('\n')
    .find((text) => text.startsWith('INAMI_PSEUDONYM_SECRET='));
  return line!.slice('INAMI_PSEUDONYM_SECRET='.length);
}

describe('the INAMI evaluation configuration', () => {
  it('requires the pseudonym secret, so the app refuses to start without it', () => {
    expect(problems({})).toEqual([{ key: 'INAMI_PSEUDONYM_SECRET', reason: 'is required' }]);
  });

  it('refuses a pseudonym secret shorter than 32 characters', () => {
    expect(problems({ INAMI_PSEUDONYM_SECRET: 'too-short' })).toEqual([
      { key: 'INAMI_PSEUDONYM_SECRET', reason: 'must be at least 32 characters' },
    ]);
  });

  it('accepts the development secret of config/development.env outside production and refuses it in production', () => {
    const secret = developmentSecret();
    expect(problems({ NODE_ENV: 'development', INAMI_PSEUDONYM_SECRET: secret })).toEqual([]);
    expect(problems({ NODE_ENV: 'production', INAMI_PSEUDONYM_SECRET: secret })).toEqual([
      {
        key: 'INAMI_PSEUDONYM_SECRET',
        reason: 'is a development secret, refused when NODE_ENV=production',
      },
    ]);
  });

  it('refuses a schedule that cannot run, naming every bad key at once', () => {
    const secret = developmentSecret();
    expect(
      problems({
        INAMI_PSEUDONYM_SECRET: secret,
        INAMI_SCHEDULE_ENABLED: 'sometimes',
        INAMI_SCHEDULE_CHECK_MS: '10',
        INAMI_SCHEDULE_START_DAY: '32',
        INAMI_REMINDER_EVERY_DAYS: '0',
      }),
    ).toEqual([
      { key: 'INAMI_SCHEDULE_ENABLED', reason: 'must be true or false' },
      { key: 'INAMI_SCHEDULE_CHECK_MS', reason: 'must be between 1000 and 86400000' },
      { key: 'INAMI_SCHEDULE_START_DAY', reason: 'must be between 1 and 31' },
      { key: 'INAMI_REMINDER_EVERY_DAYS', reason: 'must be between 1 and 90' },
    ]);
  });
});
