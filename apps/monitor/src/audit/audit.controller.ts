import { Controller, Get } from '@nestjs/common';
import { HubStaffOnly } from '../auth/public-route.decorator';
import { MonitorApiError } from '../http/monitor-api.error';
import { ConsoleAuditStore } from './console-audit.store';

/** The console's audit log, newest first: every unmask, replay, pause and refusal is visible. */
@Controller('v1/audit')
@HubStaffOnly()
export class AuditController {
  constructor(private readonly store: ConsoleAuditStore) {}

  @Get()
  async latest(): Promise<{ items: Record<string, unknown>[] }> {
    try {
      return { items: await this.store.latest(100) };
    } catch (error) {
      throw new MonitorApiError({
        code: 'AUDIT_UNAVAILABLE',
        message: 'the audit log cannot be read now (database unavailable)',
        cause: error,
      });
    }
  }
}
