import { logLevel } from 'kafkajs';
import { captureLogger, testDossierEvent, TestHubError } from '@rtw/testing';
import { kafkaLogCreator } from './kafka-log.creator';

function log(level: logLevel, extra: Record<string, unknown>) {
  const { logger, lines } = captureLogger();
  kafkaLogCreator(logger)(logLevel.DEBUG)({
    namespace: 'Runner',
    level,
    label: 'ERROR',
    log: { timestamp: 'now', message: 'Error when calling eachBatch', ...extra },
  });
  return lines;
}

describe('kafkaLogCreator', () => {
  it('maps kafkajs levels onto the logger and names the kafkajs component', () => {
    expect(log(logLevel.ERROR, {})[0]).toMatchObject({
      level: 'error',
      fields: { component: 'kafkajs.Runner' },
      message: 'Error when calling eachBatch',
    });
    expect(log(logLevel.WARN, {})[0]?.level).toBe('warn');
    expect(log(logLevel.INFO, {})[0]?.level).toBe('info');
    expect(log(logLevel.DEBUG, {})[0]?.level).toBe('debug');
  });

  it('keeps broker and group facts but drops fields that can carry payloads or stacks', () => {
    const niss = (testDossierEvent().data['insured'] as { niss: string }).niss;
    const [line] = log(logLevel.ERROR, {
      groupId: 'g',
      topic: 't',
      partition: 1,
      stack: `Error: ${niss}`,
      payload: { niss },
      offsets: [niss],
    });
    expect(line?.fields).toEqual({
      component: 'kafkajs.Runner',
      groupId: 'g',
      topic: 't',
      partition: 1,
    });
  });

  it('reduces a foreign error to its class name, keeps kafkajs and hub errors readable', () => {
    const niss = (testDossierEvent().data['insured'] as { niss: string }).niss;
    expect(
      log(logLevel.ERROR, { error: new SyntaxError(`Unexpected token in "${niss}"`) })[0]?.fields[
        'error'
      ],
    ).toBe('SyntaxError');
    const kafkaError = Object.assign(new Error('The group is rebalancing'), {
      name: 'KafkaJSProtocolError',
    });
    expect(log(logLevel.ERROR, { error: kafkaError })[0]?.fields['error']).toBe(
      'KafkaJSProtocolError: The group is rebalancing',
    );
    const hubError = new TestHubError({
      code: 'DEAD_LETTER_FAILED',
      message: 'Dead-lettering failed',
      retriable: true,
    });
    expect(log(logLevel.ERROR, { error: hubError })[0]?.fields['error']).toBe(
      'DEAD_LETTER_FAILED: Dead-lettering failed',
    );
  });
});
