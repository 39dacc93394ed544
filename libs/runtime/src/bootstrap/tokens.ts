import type { ConfigOf, HUB_CONFIG_SPEC } from '@rtw/platform';

/** Injection token of the process's validated configuration (a `HubConfig`). */
export const HUB_CONFIG = Symbol('HUB_CONFIG');
/** Injection token of the process's structured logger. */
export const HUB_LOGGER = Symbol('HUB_LOGGER');
/** Injection token of the app's own TypeORM entities (an array of classes). */
export const HUB_ENTITIES = Symbol('HUB_ENTITIES');
/** Injection token of the process's clock (`@rtw/platform` Clock; an OffsetClock underneath). */
export const HUB_CLOCK = Symbol('HUB_CLOCK');
/** Injection token of the Kafka topology the process creates at start. */
export const HUB_TOPOLOGY = Symbol('HUB_TOPOLOGY');

/** The settings every hub process has, plus its name and HTTP port. */
export type HubConfig = ConfigOf<typeof HUB_CONFIG_SPEC> & {
  readonly app: string;
  readonly port: number;
};
