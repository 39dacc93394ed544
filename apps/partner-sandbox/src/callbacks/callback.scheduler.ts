import { sleep, type Logger } from '@rtw/platform';
import { PartnerError, type PartnerContracts, type ReadMessage } from '@rtw/partners';
import type { SandboxOrganisation } from '../organisations/sandbox-organisations';
import { scriptedAnswer, stepType } from './answer.scripts';
import type { GatewayClient } from './gateway.client';
import type { ScriptBook } from './script.book';

/** What became of one scripted answer. */
export interface CallbackRecord {
  readonly organisation: string;
  /** The hub's message the answer is about, and its delivery's idempotency key. */
  readonly messageId: string;
  readonly idempotencyKey: string;
  readonly step: number;
  readonly answerId: string;
  readonly type: string;
  /** pending, accepted (202), refused (any other answer), failed (no answer, no credentials). */
  status: 'pending' | 'accepted' | 'refused' | 'failed';
  httpStatus?: number;
  code?: string;
  eventId?: string;
  replay?: boolean;
  attempts: number;
  readonly scheduledAt: string;
  sentAt?: string;
}

/** Records kept before the oldest are forgotten. */
const MAX_RECORDS = 100_000;

/**
 * Sends each organisation's scripted answers after a message was acknowledged: asynchronously,
 * one after the other (an answer never overtakes the one before it, as the tracker expects them
 * in order), each after its delay, in the organisation's format and language (@rtw/partners
 * `buildAnswer`), signed in as the organisation. Keeps a record of each for the control API.
 */
export class CallbackScheduler {
  private readonly records: CallbackRecord[] = [];
  private readonly running = new Set<Promise<void>>();
  private stop = new AbortController();

  constructor(
    private readonly parts: {
      readonly contracts: PartnerContracts;
      readonly client: Pick<GatewayClient, 'send'>;
      readonly scripts: ScriptBook;
      readonly delayMs: number;
      readonly enabled: boolean;
      readonly logger: Logger;
      readonly now?: () => Date;
    },
  ) {}

  /** Starts the organisation's script for a processed message; returns at once. */
  schedule(args: {
    organisation: SandboxOrganisation;
    message: ReadMessage;
    idempotencyKey: string;
    /** Send broken documents instead (the `malformed-answer` fault). */
    malformed: boolean;
  }): void {
    if (!this.parts.enabled || args.organisation.partner === 'inami') return;
    const settings = this.parts.scripts.settingsOf(args.organisation);
    if (settings.script.length === 0) return;
    const signal = this.stop.signal;
    const chain = this.run({ ...args, ...settings }, signal)
      .catch((error: unknown) =>
        this.parts.logger.error(
          { err: error, organisation: args.organisation.id },
          'A scripted answer chain failed',
        ),
      )
      .finally(() => this.running.delete(chain));
    this.running.add(chain);
  }

  /** The records of one organisation (or all), oldest first. */
  list(organisation?: string): CallbackRecord[] {
    return this.records
      .filter((record) => organisation === undefined || record.organisation === organisation)
      .map((record) => ({ ...record }));
  }

  /** How many chains still have answers to send. */
  pending(): number {
    return this.running.size;
  }

  /** Stops every chain (pending answers are not sent) and forgets the records. */
  async reset(): Promise<void> {
    await this.close();
    this.records.length = 0;
    this.stop = new AbortController();
  }

  /** Stops every chain and waits for them to return (at shutdown). */
  async close(): Promise<void> {
    this.stop.abort();
    await Promise.allSettled([...this.running]);
  }

  private async run(
    args: Parameters<CallbackScheduler['schedule']>[0] & ReturnType<ScriptBook['settingsOf']>,
    signal: AbortSignal,
  ): Promise<void> {
    const { organisation, message, script } = args;
    for (const [index, step] of script.entries()) {
      await sleep(step.afterMs ?? this.parts.delayMs, signal);
      if (signal.aborted) return;
      const now = this.parts.now?.() ?? new Date();
      const answer = scriptedAnswer({ organisation, message, step, index, now });
      const record = this.remember({
        organisation: organisation.id,
        messageId: message.messageId,
        idempotencyKey: args.idempotencyKey,
        step: index + 1,
        answerId: answer.answerId,
        type: stepType(organisation, step),
        status: 'pending',
        attempts: 0,
        scheduledAt: now.toISOString(),
      });
      let body: string;
      try {
        body = this.parts.contracts.buildAnswer(
          organisation.partner,
          answer,
          args.answerFormat,
        ).body;
      } catch (error) {
        // A script step this partner's contract cannot express (a wrong answer or data).
        Object.assign(record, {
          status: 'failed',
          code: error instanceof PartnerError ? error.code : 'SCRIPT_INVALID',
        });
        return;
      }
      if (args.malformed) body = body.slice(0, Math.floor(body.length / 2));
      const result = await this.parts.client.send(
        organisation.id,
        { body, mediaType: args.answerFormat },
        signal,
      );
      Object.assign(record, {
        status:
          result.status === 202 ? 'accepted' : result.status === undefined ? 'failed' : 'refused',
        attempts: result.attempts,
        replay: result.replay,
        sentAt: (this.parts.now?.() ?? new Date()).toISOString(),
        ...(result.status === undefined ? {} : { httpStatus: result.status }),
        ...(result.code === undefined ? {} : { code: result.code }),
        ...(result.eventId === undefined ? {} : { eventId: result.eventId }),
      });
      this.parts.logger.info(
        {
          organisation: organisation.id,
          messageId: message.messageId,
          answerId: answer.answerId,
          type: record.type,
          status: result.status,
          code: result.code,
        },
        'Scripted answer sent to the gateway',
      );
      // A refused answer ends the script: the next step would build on it.
      if (record.status !== 'accepted') return;
    }
  }

  private remember(record: CallbackRecord): CallbackRecord {
    if (this.records.length >= MAX_RECORDS) this.records.shift();
    this.records.push(record);
    return record;
  }
}
