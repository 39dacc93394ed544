// The metrics of the apps that the overview and the alerts read. One place, so that the check of
// deploy/prometheus and deploy/grafana against the apps' real /metrics covers these too.

/** Delivery: settled messages by partner, organisation and outcome (counter). */
export const DELIVERY_OUTCOMES = 'rtw_delivery_outcomes_total';
/** Delivery: duration of HTTP attempts by partner, organisation and result (histogram). */
export const ATTEMPT_DURATION = 'rtw_delivery_attempt_duration_seconds';
/** Delivery: circuit state per organisation in one instance: 0 closed, 1 open, 2 half-open. */
export const CIRCUIT_STATE = 'rtw_delivery_circuit_state';
/** Every app: 1 while a supervised background component runs (ADR 0027). */
export const COMPONENT_UP = 'rtw_background_component_up';
