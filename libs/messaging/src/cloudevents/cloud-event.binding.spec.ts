import { HubError } from '@rtw/platform';
import { testDossierEvent } from '@rtw/testing';
import { fromKafkaMessage, toKafkaMessage } from './cloud-event.binding';
import { createCloudEvent } from './cloud-event.type';
import { parseTraceparent } from './traceparent';

function niss(event: ReturnType<typeof testDossierEvent>): string {
  return (event.data['insured'] as { niss: string }).niss;
}

function caught(work: () => unknown): HubError {
  try {
    work();
  } catch (error) {
    if (error instanceof HubError) return error;
    throw error;
  }
  throw new Error('expected a HubError');
}

describe('toKafkaMessage (binary mode)', () => {
  it('keys the record by subject, puts only data in the value and every attribute in ce_ headers', () => {
    const event = testDossierEvent();

    const message = toKafkaMessage(event);

    expect(message.key).toBe(event.subject);
    expect(JSON.parse(message.value)).toEqual(event.data);
    expect(message.headers).toEqual({
      ce_specversion: '1.0',
      ce_id: event.id,
      ce_source: event.source,
      ce_type: event.type,
      ce_subject: event.subject,
      ce_time: event.time,
      ce_dataschema: event.dataschema,
      ce_insurer: event.insurer,
      ce_correlationid: event.correlationid,
      ce_traceparent: event.traceparent,
      'content-type': 'application/json',
    });
  });

  it('leaves out optional attributes that are not set', () => {
    const {
      dataschema: _d,
      insurer: _i,
      correlationid: _c,
      traceparent: _t,
      ...bare
    } = testDossierEvent();
    const headers = toKafkaMessage(bare).headers;
    for (const name of ['ce_dataschema', 'ce_insurer', 'ce_correlationid', 'ce_traceparent'])
      expect(headers).not.toHaveProperty([name]);
    expect(fromKafkaMessage(toKafkaMessage(bare))).toEqual(bare);
  });
});

describe('fromKafkaMessage', () => {
  it('reads back exactly the event that was written, from Buffers as a consumer receives them', () => {
    const event = testDossierEvent();
    const written = toKafkaMessage(event);
    const received = {
      key: Buffer.from(written.key),
      value: Buffer.from(written.value),
      headers: Object.fromEntries(
        Object.entries(written.headers).map(([k, v]) => [k, Buffer.from(v)]),
      ),
    };

    expect(fromKafkaMessage(received)).toEqual(event);
  });

  it.each(['ce_id', 'ce_source', 'ce_type', 'ce_subject', 'ce_time', 'ce_specversion'])(
    'rejects a record without %s as CLOUDEVENT_INVALID, final',
    (attribute) => {
      const message = toKafkaMessage(testDossierEvent());
      delete message.headers[attribute];

      const error = caught(() => fromKafkaMessage(message));

      expect(error.code).toBe('CLOUDEVENT_INVALID');
      expect(error.retriable).toBe(false);
      expect(error.message).toContain(attribute);
    },
  );

  it('rejects a specversion other than 1.0', () => {
    const message = toKafkaMessage(testDossierEvent());
    message.headers['ce_specversion'] = '0.3';
    expect(caught(() => fromKafkaMessage(message)).code).toBe('CLOUDEVENT_INVALID');
  });

  it('rejects a foreign or missing content-type but accepts a charset parameter', () => {
    const message = toKafkaMessage(testDossierEvent());
    expect(
      caught(() =>
        fromKafkaMessage({
          ...message,
          headers: { ...message.headers, 'content-type': 'application/xml' },
        }),
      ).code,
    ).toBe('CLOUDEVENT_INVALID');
    const { 'content-type': _ct, ...withoutType } = message.headers;
    expect(caught(() => fromKafkaMessage({ ...message, headers: withoutType })).message).toMatch(
      /content-type/,
    );
    expect(
      fromKafkaMessage({
        ...message,
        headers: { ...message.headers, 'content-type': 'application/json; charset=utf-8' },
      }).id,
    ).toBe(message.headers['ce_id']);
  });

  it('rejects invalid JSON without quoting the payload or the parser message', () => {
    const event = testDossierEvent();
    const message = { ...toKafkaMessage(event), value: `{"niss":"${niss(event)}",` };

    const error = caught(() => fromKafkaMessage(message));

    expect(error.message).toBe('CloudEvent data is not valid JSON');
    expect(error.cause).toBeUndefined();
    expect(JSON.stringify({ message: error.message, stack: error.stack })).not.toContain(
      niss(event),
    );
  });

  it('rejects a record without a value', () => {
    expect(
      caught(() => fromKafkaMessage({ ...toKafkaMessage(testDossierEvent()), value: null }))
        .message,
    ).toMatch(/data is missing/);
  });

  it('rejects a record whose key is not the subject, since ordering per dossier depends on it', () => {
    const message = { ...toKafkaMessage(testDossierEvent()), key: 'another-dossier' };
    expect(caught(() => fromKafkaMessage(message)).message).toMatch(/key does not match/);
  });

  it('rejects a repeated attribute header instead of guessing which one counts', () => {
    const message = toKafkaMessage(testDossierEvent());
    const headers = {
      ...message.headers,
      ce_type: ['be.rtw.dossier.opened', 'be.rtw.dossier.closed'],
    };
    expect(caught(() => fromKafkaMessage({ ...message, headers })).message).toMatch(
      /ce_type is repeated/,
    );
  });

  it('rejects a time that is not a timestamp', () => {
    const message = toKafkaMessage(testDossierEvent());
    message.headers['ce_time'] = 'yesterday';
    expect(caught(() => fromKafkaMessage(message)).message).toMatch(/ce_time/);
  });
});

describe('createCloudEvent', () => {
  it('fills specversion, content type, a unique id, the current time and a new trace', () => {
    const input = {
      source: 'urn:rtw:org:hub',
      type: 'be.rtw.deadline.due-soon',
      subject: 'd-1',
      data: { ruleId: 'r' },
    };

    const [a, b] = [createCloudEvent(input), createCloudEvent(input)];

    expect(a).toMatchObject({ ...input, specversion: '1.0', datacontenttype: 'application/json' });
    expect(a.id).not.toBe(b.id);
    expect(Number.isNaN(Date.parse(a.time))).toBe(false);
    expect(parseTraceparent(a.traceparent)).toBeDefined();
  });
});
