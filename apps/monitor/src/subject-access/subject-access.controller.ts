import { Body, Controller, Header, HttpCode, Inject, Post, Req } from '@nestjs/common';
import type { Request } from 'express';
import { HUB_CONFIG } from '@rtw/runtime';
import { sessionOf } from '../auth/console-session.types';
import { RequireRole } from '../auth/public-route.decorator';
import type { MonitorConfig } from '../config/monitor.config';
import type { MonitorApiCode } from '../http/monitor-api.codes';
import { MonitorApiError, invalidRequest } from '../http/monitor-api.error';
import { reasonOf } from '../http/request-input';
import { SubjectAccessError, type SubjectAccessCode } from './subject-access.error';
import { SubjectAccessService } from './subject-access.service';
import type { SubjectAccessReport } from './subject-access.types';

/** The service's refusals as the monitor API's codes (a new code without a mapping does not compile). */
const API_CODE: Readonly<Record<SubjectAccessCode, MonitorApiCode>> = {
  PRIVACY_ROLE_REQUIRED: 'ROLE_REQUIRED',
  REASON_REQUIRED: 'REASON_REQUIRED',
  NISS_INVALID: 'NISS_INVALID',
  DATABASE_UNAVAILABLE: 'DATABASE_UNAVAILABLE',
};

const FIELDS = ['niss', 'reason'];

/**
 * The subject access report (GDPR art. 15, ADR 0097, 0104): a privacy officer posts a person's NISS
 * and why; the answer says which organisations received which data about them, when and why.
 * POST, not GET: the NISS travels in the body, never in a URL (access logs, browser history). The
 * global guard refuses other roles (403 ROLE_REQUIRED, audited in the console's audit); the
 * service checks the role again and audits every answer in the transaction that reads it. An
 * insurer's privacy officer gets their insurer's dossiers only.
 */
@Controller('v1/subject-access')
export class SubjectAccessController {
  constructor(
    private readonly service: SubjectAccessService,
    @Inject(HUB_CONFIG) private readonly config: MonitorConfig,
  ) {}

  @Post()
  @HttpCode(200)
  @RequireRole('privacy-officer')
  @Header('Cache-Control', 'no-store')
  async report(@Req() request: Request, @Body() body: unknown): Promise<SubjectAccessReport> {
    const session = sessionOf(request);
    const input = fieldsOf(body);
    const reason = reasonOf(input);
    const niss = nissOf(input['niss']);
    try {
      return await this.service.report({
        niss,
        reason,
        requester: {
          // Insurer staff act for their insurer; the hub operator's staff for its support organisation.
          organisation:
            session.insurer === null
              ? this.config.MONITOR_SUPPORT_ORGANISATION
              : `insurer:${session.insurer}`,
          subject: session.subject,
          roles: session.roles,
          insurer: session.insurer,
        },
      });
    } catch (error) {
      if (!(error instanceof SubjectAccessError)) throw error;
      throw new MonitorApiError({
        code: API_CODE[error.code],
        message: error.message,
        cause: error,
      });
    }
  }
}

/** The body: an object with only the known fields (a typo must not pass silently). */
function fieldsOf(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw invalidRequest('body', 'must be a JSON object with niss and reason');
  const input = body as Record<string, unknown>;
  for (const name of Object.keys(input))
    if (!FIELDS.includes(name)) throw invalidRequest(name, 'is not a field of this request');
  return input;
}

/**
 * The NISS as people write it (`85.07.30-033.28`, spaces) reduced to its 11 digits; the service
 * checks the digits. The value is never repeated in an answer.
 */
function nissOf(value: unknown): string {
  if (typeof value !== 'string')
    throw new MonitorApiError({ code: 'NISS_INVALID', message: 'niss is required, as text' });
  return value.replace(/[\s.-]/g, '');
}
