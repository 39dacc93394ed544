import { collectDefaultMetrics, register } from 'prom-client';

let collecting = false;

/** Starts Node's process metrics (event-loop lag, heap, GC) once per process, labelled by app. */
export function startProcessMetrics(app: string): void {
  if (collecting) return;
  register.setDefaultLabels({ app });
  collectDefaultMetrics({ register });
  collecting = true;
}
