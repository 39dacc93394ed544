import {
  BadRequestException,
  NotFoundException,
  PayloadTooLargeException,
  type ArgumentsHost,
} from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import { SupportAccessError } from '@rtw/ingress';
import { HubError, createLogger } from '@rtw/platform';
import { SUPPORT_API_COMMON_CODES, SUPPORT_API_COMMON_STATUS } from './support-api.codes';
import { SupportProblemFilter, type ApiRefusal } from './support-problem.filter';

type Code = (typeof SUPPORT_API_COMMON_CODES)[number] | 'THING_NOT_FOUND' | 'MALFORMED_JSON';

class ThingError extends HubError<Code> {
  readonly pointer?: string;
  constructor(code: Code, message: string, pointer?: string) {
    super({ code, message, retriable: false });
    this.pointer = pointer;
  }
}

class ThingsFilter extends SupportProblemFilter<Code> {
  protected readonly statusByCode = {
    ...SUPPORT_API_COMMON_STATUS,
    THING_NOT_FOUND: 404,
    MALFORMED_JSON: 400,
  };
  constructor() {
    super(createLogger({ app: 'test', level: 'silent' }), 'ThingsFilter');
  }
  protected refusalOf(exception: unknown): ApiRefusal<Code> | undefined {
    return exception instanceof ThingError ? exception : undefined;
  }
}

/** Runs the filter on one exception for a request to `url`; returns what was answered. */
function answer(exception: unknown, url = '/v1/things/1') {
  const sent: { status?: number; headers: Record<string, unknown>; body?: unknown } = {
    headers: {},
  };
  const response = {
    headersSent: false,
    set statusCode(value: number) {
      sent.status = value;
    },
    setHeader: (name: string, value: unknown) => (sent.headers[name.toLowerCase()] = value),
    end: (text: string) => (sent.body = JSON.parse(text)),
  } as unknown as ServerResponse;
  const host = {
    switchToHttp: () => ({ getRequest: () => ({ url }), getResponse: () => response }),
  } as unknown as ArgumentsHost;
  new ThingsFilter().catch(exception, host);
  return sent;
}

describe('SupportProblemFilter', () => {
  it('answers the API’s own refusal with its status, message and pointer', () => {
    expect(answer(new ThingError('THING_NOT_FOUND', 'no such thing', '/id'))).toMatchObject({
      status: 404,
      body: { code: 'THING_NOT_FOUND', message: 'no such thing', pointer: '/id' },
      headers: { 'cache-control': 'no-store' },
    });
  });

  it('answers an access refusal with the common status of its code', () => {
    const refused = new SupportAccessError({ code: 'ROLE_REQUIRED', message: 'operator needed' });
    expect(answer(refused)).toMatchObject({ status: 403, body: { code: 'ROLE_REQUIRED' } });
  });

  it('answers a lost database connection 503 with Retry-After, and a bug 500 without its text', () => {
    const lost = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    expect(answer(lost)).toMatchObject({
      status: 503,
      body: { code: 'DATABASE_UNAVAILABLE' },
      headers: { 'retry-after': '5' },
    });
    const bug = answer(new TypeError('x is undefined'));
    expect(bug).toMatchObject({ status: 500, body: { code: 'INTERNAL_ERROR' } });
    expect(JSON.stringify(bug.body)).not.toContain('undefined');
  });

  it('uses the API’s MALFORMED_JSON for an unreadable body, the runtime’s code for what it does not list', () => {
    expect(answer(new BadRequestException('Unexpected token'))).toMatchObject({
      status: 400,
      body: { code: 'MALFORMED_JSON' },
    });
    expect(answer(new PayloadTooLargeException())).toMatchObject({
      status: 413,
      body: { code: 'PAYLOAD_TOO_LARGE' },
    });
    expect(answer(new NotFoundException())).toMatchObject({
      status: 404,
      body: { code: 'ROUTE_NOT_FOUND' },
    });
  });

  it('leaves requests outside /v1/ to the runtime’s answer', () => {
    expect(answer(new BadRequestException('Unexpected token'), '/health/ready')).toMatchObject({
      status: 400,
      body: { code: 'MALFORMED_REQUEST' },
    });
  });
});
