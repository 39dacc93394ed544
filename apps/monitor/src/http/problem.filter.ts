import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { MonitorApiError } from './monitor-api.error';

/**
 * The edge of the monitor's API (global, for its own refusals only): a MonitorApiError becomes
 * `{ code, message, upstream? }` with its status. Everything else (an unknown route, a health
 * report's 503, an unexpected error) is left to the runtime's problem filter, so the monitor
 * answers those exactly like every other app.
 */
@Catch(MonitorApiError)
export class ProblemFilter implements ExceptionFilter {
  catch(error: MonitorApiError, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    if (response.headersSent) return;
    response.status(error.status).json({
      code: error.code,
      message: error.message,
      ...(error.upstream ? { upstream: error.upstream } : {}),
    });
  }
}
