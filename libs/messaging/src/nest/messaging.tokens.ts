/** Injection token of the app's kafkajs `Kafka` client. */
export const KAFKA_CLIENT = Symbol('KAFKA_CLIENT');

/** Injection token of the app's {@link Publisher} (the Kafka one unless a test overrides it). */
export const PUBLISHER = Symbol('PUBLISHER');

/** Injection token of the {@link MessagingModuleOptions}. */
export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');
