import { ProcessedEventEntity } from '../inbox/processed-event.entity';
import { OutboxMessageEntity } from '../outbox/outbox-message.entity';

/** Every entity owned by the persistence lib, listed as classes (no globs: see migration.list.ts). */
export const PERSISTENCE_ENTITIES = [OutboxMessageEntity, ProcessedEventEntity] as const;
