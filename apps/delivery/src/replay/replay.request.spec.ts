import { DeliveryApiError } from '../http/delivery-api.error';
import { failedFilterSql, parseFailedFilter } from './failed-message.filter';
import { parseReplayRequest } from './replay.request';
import { parseDeadLetterQuery } from './dead-letters.reader';

function refusal(work: () => unknown): { code: string; pointer?: string; message: string } {
  try {
    work();
  } catch (error) {
    if (error instanceof DeliveryApiError)
      return {
        code: error.code,
        message: error.message,
        ...(error.pointer === undefined ? {} : { pointer: error.pointer }),
      };
    throw error;
  }
  throw new Error('expected a refusal');
}

const REASON = 'Actiris fixed the form validation (INC-4711)';

describe('parseReplayRequest', () => {
  it('reads a filter replay, dry run by default', () => {
    expect(
      parseReplayRequest(
        {
          filter: {
            partner: 'actiris',
            type: 'fia',
            from: '2026-11-01T00:00:00Z',
            code: 'PARTNER_REJECTED',
          },
          reason: REASON,
        },
        500,
      ),
    ).toEqual({
      selection: {
        filter: {
          partner: 'actiris',
          type: 'fia',
          code: 'PARTNER_REJECTED',
          from: new Date('2026-11-01T00:00:00Z'),
        },
      },
      reason: REASON,
      dryRun: true,
    });
  });

  it('reads an id replay, without repeated ids, and a caller cap', () => {
    expect(
      parseReplayRequest(
        { ids: ['m-1', 'm-2', 'm-1'], reason: REASON, dryRun: false, maxMessages: 10 },
        500,
      ),
    ).toEqual({
      selection: { ids: ['m-1', 'm-2'] },
      reason: REASON,
      dryRun: false,
      maxMessages: 10,
    });
  });

  it.each([
    ['no reason', { ids: ['m-1'] }, '/reason'],
    ['a reason too short', { ids: ['m-1'], reason: 'because' }, '/reason'],
    ['a reason too long', { ids: ['m-1'], reason: 'x'.repeat(501) }, '/reason'],
    ['both ids and filter', { ids: ['m-1'], filter: {}, reason: REASON }, ''],
    ['neither ids nor filter', { reason: REASON }, ''],
    ['an empty id list', { ids: [], reason: REASON }, '/ids'],
    ['an id that is not one', { ids: ['m 1'], reason: REASON }, '/ids/0'],
    ['a dryRun that is not boolean', { ids: ['m-1'], reason: REASON, dryRun: 'no' }, '/dryRun'],
    [
      'a maxMessages above the cap',
      { ids: ['m-1'], reason: REASON, maxMessages: 501 },
      '/maxMessages',
    ],
    ['an unknown field', { ids: ['m-1'], reason: REASON, force: true }, '/force'],
    ['an unknown filter field', { filter: { dossier: 'x' }, reason: REASON }, '/filter/dossier'],
    [
      'a filter partner that is not one',
      { filter: { partner: 'bank' }, reason: REASON },
      '/filter/partner',
    ],
    [
      'a filter time that is not an instant',
      { filter: { from: 'yesterday' }, reason: REASON },
      '/filter/from',
    ],
    [
      'a filter range that ends before it starts',
      { filter: { from: '2026-11-02T00:00:00Z', to: '2026-11-01T00:00:00Z' }, reason: REASON },
      '/filter/to',
    ],
  ])('refuses %s with INVALID_REQUEST at its pointer', (_what, body, pointer) => {
    expect(refusal(() => parseReplayRequest(body, 500))).toMatchObject({
      code: 'INVALID_REQUEST',
      pointer,
    });
  });

  it('refuses more ids than the cap with REPLAY_TOO_LARGE', () => {
    expect(
      refusal(() => parseReplayRequest({ ids: ['a', 'b', 'c'], reason: REASON }, 2)),
    ).toMatchObject({
      code: 'REPLAY_TOO_LARGE',
      pointer: '/ids',
    });
  });

  it('refuses a body that is not an object', () => {
    expect(refusal(() => parseReplayRequest([1], 500))).toMatchObject({
      code: 'INVALID_REQUEST',
      pointer: '',
    });
  });
});

describe('failed-message filters', () => {
  it('binds every value as a parameter, failed messages only', () => {
    const filter = parseFailedFilter(
      {
        partner: 'cpmt',
        organisation: 'cpmt:0403170701',
        type: 'cpmt-referral',
        to: '2026-12-01T00:00:00+01:00',
      },
      'query',
    );
    expect(failedFilterSql(filter, 3)).toEqual({
      clause:
        `m."status" IN ('dead-lettered', 'refused') AND m."partner" = $3 AND m."organisation_id" = $4` +
        ` AND m."message_type" = $5 AND m."failed_at" < $6`,
      params: ['cpmt', 'cpmt:0403170701', 'cpmt-referral', new Date('2026-11-30T23:00:00Z')],
    });
  });

  it('names the bad query parameter, and reads paging', () => {
    expect(refusal(() => parseDeadLetterQuery({ code: "x'; drop" }))).toMatchObject({
      code: 'INVALID_QUERY',
      message: 'code must be a reason code',
    });
    expect(refusal(() => parseDeadLetterQuery({ limit: '500' }))).toMatchObject({
      code: 'INVALID_QUERY',
    });
    expect(refusal(() => parseDeadLetterQuery({ cursor: 'bm9wZQ' }))).toMatchObject({
      code: 'INVALID_QUERY',
    });
    expect(parseDeadLetterQuery({ limit: '20' })).toEqual({ filter: {}, page: { limit: 20 } });
  });
});
