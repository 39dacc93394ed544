/** Injection token of the replay limits the API checks requests against. */
export const ReplaySettingsToken = Symbol('REPLAY_SETTINGS');

/** The replay cap (DELIVERY_REPLAY_MAX_MESSAGES). */
export interface ReplayLimits {
  readonly maxMessages: number;
}
