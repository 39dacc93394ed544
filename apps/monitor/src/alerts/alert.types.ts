/** The alerts the monitor raises (the same names as the Prometheus rules in deploy/prometheus). */
export const ALERT_RULES = [
  'ConsumerLagHigh',
  'DeadLettersGrowing',
  'PartnerCircuitOpen',
  'MissedDeadlinesRising',
  'AppNotReady',
  'MonitorSourceUnavailable',
] as const;

/** One of {@link ALERT_RULES}. */
export type AlertRule = (typeof ALERT_RULES)[number];

/** An alert that holds now. */
export interface Alert {
  readonly rule: AlertRule;
  readonly severity: 'warning' | 'critical';
  /** What it is about: a group id, a topic, an organisation, an insurer code, an app, a source. */
  readonly subject: string;
  /** One sentence for a person, without personal data. */
  readonly summary: string;
  /** The measured figure and the threshold it crossed (null where the rule is a state). */
  readonly value: number | null;
  readonly threshold: number | null;
}

/** `GET /v1/alerts`. */
export interface AlertsAnswer {
  readonly generatedAt: string;
  readonly alerts: readonly Alert[];
}
