import type { Clock, Logger } from '@rtw/platform';
import { MonitorApiError } from '../http/monitor-api.error';
import type { ConsoleAuditEntry, ConsoleAuditStore } from './console-audit.store';

/**
 * Writes the console's audit rows with the right failure rule: an act that shows or sends personal
 * data (unmask, replay, pause) is refused when its row cannot be written (AUDIT_UNAVAILABLE: no
 * unaudited act); a refusal is audited on a best-effort basis (the refusal stands either way, and
 * a log line says the row is missing).
 */
export class ConsoleAuditService {
  constructor(
    private readonly store: ConsoleAuditStore,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  /** Records an act before it happens; throws AUDIT_UNAVAILABLE if it cannot be recorded. */
  async beforeAct(entry: ConsoleAuditEntry): Promise<void> {
    try {
      await this.store.record(entry, this.clock.now());
    } catch (error) {
      this.logger.warn(
        { err: error, action: entry.action },
        'Console audit row could not be written; act refused',
      );
      throw new MonitorApiError({
        code: 'AUDIT_UNAVAILABLE',
        message:
          'this action must be audited and the audit log cannot be written now; try again shortly',
        cause: error,
      });
    }
  }

  /** Records a refusal; never throws. */
  async denied(entry: Omit<ConsoleAuditEntry, 'action'>): Promise<void> {
    try {
      await this.store.record({ ...entry, action: 'denied' }, this.clock.now());
    } catch (error) {
      this.logger.warn(
        { err: error, target: entry.target },
        'Console refusal could not be audited',
      );
    }
  }
}
