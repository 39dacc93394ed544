// Public API of @rtw/persistence: the PostgreSQL data source, schema migrations, the transactional
// outbox and its relay, and the processed-events inbox. See docs/adr/0004-outbox-and-inbox.md.
export {
  createDataSource,
  createDataSourceOptions,
  type DataSourceConfig,
  type EntityClass,
  type MigrationClass,
} from './data-source/data-source.options';
export { checkDatabase, type DatabaseHealth } from './data-source/database.health';
export { PERSISTENCE_ENTITIES } from './data-source/entity.list';
export { ensureDatabase, runMigrations } from './database/database.admin';
export {
  PERSISTENCE_ERROR_CODES,
  PersistenceError,
  type PersistenceErrorCode,
} from './errors/persistence.error';
export { isConnectionFailure } from './database/connection-failure.check';
export { LOCK_NAMESPACE } from './database/lock-keys.constant';
export {
  ChannelListener,
  type ChannelListenerLogger,
  type ChannelListenerOptions,
} from './notify/channel.listener';
export { WakeableSleep } from './notify/wakeable.sleep';
export { retriableOnOutage } from './errors/database-unavailable';
export { PERSISTENCE_MIGRATIONS } from './migrations/migration.list';
export { ProcessedEventEntity } from './inbox/processed-event.entity';
export { processOnce, type InboxKey, type ProcessOnceResult } from './inbox/process-once.helper';
export { pruneProcessedEvents, type ProcessedEventsPurge } from './inbox/processed-events.purge';
export { OutboxMessageEntity } from './outbox/outbox-message.entity';
export type { OutboxMessage } from './outbox/outbox-message';
export {
  OUTBOX_ID_HEADER,
  type InDoubtRecord,
  type OutboxPublicationCheck,
  type OutboxPublisher,
  type OutboxRecord,
} from './outbox/outbox-publisher.port';
export { OUTBOX_BUCKET_COUNT, bucketOf } from './outbox/outbox.bucket';
export { OUTBOX_NOTIFY_CHANNEL, OutboxWriter } from './outbox/outbox.writer';
export { OutboxRelay, type RelayCycleResult } from './outbox/outbox.relay';
export type { OutboxRelayOptions, RelayLogger } from './outbox/outbox-relay.options';
export type { BackoffPolicy } from './outbox/relay-backoff.policy';
