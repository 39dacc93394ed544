import { REASON_CODES } from '@rtw/ingress';
import { HTTP_PROBLEM_STATUS } from '@rtw/runtime';
import { STATUS_BY_REASON, statusOf } from './reason-status.map';

describe('reason code to HTTP status', () => {
  it('gives every reason code a status, and no bad input a 5xx', () => {
    const infrastructure = new Set(['DATABASE_UNAVAILABLE', 'INTERNAL_ERROR']);
    for (const code of REASON_CODES) {
      const status = STATUS_BY_REASON[code];
      expect([code, status >= 400 && status < (infrastructure.has(code) ? 600 : 500)]).toEqual([
        code,
        true,
      ]);
    }
  });

  it('treats an unknown code as an internal error', () => {
    expect(statusOf('NOT_A_CODE')).toBe(500);
    expect(statusOf('IDEMPOTENCY_CONFLICT')).toBe(409);
  });

  it("lists every code the runtime answers for the gateway (unknown routes, unreadable requests), with the runtime's status", () => {
    const runtime = Object.entries(HTTP_PROBLEM_STATUS);
    expect(
      runtime.map(([code]) => [code, STATUS_BY_REASON[code as keyof typeof STATUS_BY_REASON]]),
    ).toEqual(runtime);
  });
});
