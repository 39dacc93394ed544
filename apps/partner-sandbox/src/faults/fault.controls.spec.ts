import { FaultControls } from './fault.controls';

describe('the failure switches of the sandbox', () => {
  const draws = (controls: FaultControls, organisation: string, n: number) =>
    Array.from({ length: n }, () => controls.decide(organisation, 0));

  it('answers normally until a mode is set, and applies it to every delivery by default', () => {
    const controls = new FaultControls(1);
    expect(draws(controls, 'regional:vdab', 3)).toEqual(['ok', 'ok', 'ok']);
    controls.set('regional:vdab', { mode: 'error-5xx' });
    expect(draws(controls, 'regional:vdab', 3)).toEqual(['error-5xx', 'error-5xx', 'error-5xx']);
    expect(draws(controls, 'regional:adg', 1)).toEqual(['ok']);
  });

  it('fails the same deliveries on every run for a failure rate and a seed, whatever other organisations receive', () => {
    const first = new FaultControls(7);
    first.set('cpmt:0403170701', { mode: 'rate-limit', failureRate: 0.3 });
    const second = new FaultControls(7);
    second.set('cpmt:0403170701', { mode: 'rate-limit', failureRate: 0.3 });
    second.set('regional:vdab', { mode: 'down', failureRate: 0.5 });

    const run = draws(first, 'cpmt:0403170701', 1000);
    draws(second, 'regional:vdab', 17);
    expect(draws(second, 'cpmt:0403170701', 1000)).toEqual(run);
    const failed = run.filter((decision) => decision === 'rate-limit').length;
    expect(failed).toBeGreaterThan(250);
    expect(failed).toBeLessThan(350);
  });

  it('restarts the draws when a control is set again, and differs with another seed', () => {
    const controls = new FaultControls(7);
    controls.set('regional:forem', { mode: 'timeout', failureRate: 0.5 });
    const once = draws(controls, 'regional:forem', 50);
    controls.set('regional:forem', { mode: 'timeout', failureRate: 0.5 });
    expect(draws(controls, 'regional:forem', 50)).toEqual(once);
    controls.set('regional:forem', { mode: 'timeout', failureRate: 0.5, seed: 8 });
    expect(draws(controls, 'regional:forem', 50)).not.toEqual(once);
  });

  it('returns to normal at untilMs, and turns malformed-answer into an acknowledgement with broken answers', () => {
    const controls = new FaultControls(1);
    controls.set('regional:actiris', { mode: 'down', untilMs: 1000 });
    expect(controls.decide('regional:actiris', 999)).toBe('down');
    expect(controls.decide('regional:actiris', 1000)).toBe('ok');
    controls.set('regional:actiris', { mode: 'malformed-answer' });
    expect(controls.decide('regional:actiris', 0)).toBe('ok-malformed-answers');
    controls.reset();
    expect(controls.get('regional:actiris', 0).mode).toBe('ok');
  });
});
