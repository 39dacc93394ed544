/** One benchmark scenario: a name, what it measures, and a run that returns JSON-able results. */
export interface Scenario {
  name: string;
  description: string;
  run(): Promise<Record<string, unknown>>;
}
