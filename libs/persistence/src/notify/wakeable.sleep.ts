/**
 * A sleep that can be cut short. A wake-up that arrives while nobody sleeps is remembered, so a
 * notification received during a relay cycle or dispatcher round makes the next sleep return at once.
 */
export class WakeableSleep {
  private wakeRequested = false;
  private current: (() => void) | undefined;

  /** Resolves after `ms`, or as soon as `wake()` is called. */
  sleep(ms: number): Promise<void> {
    if (this.wakeRequested) {
      this.wakeRequested = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const finish = (): void => {
        clearTimeout(timer);
        this.current = undefined;
        resolve();
      };
      const timer = setTimeout(finish, ms);
      this.current = finish;
    });
  }

  /** Ends the current sleep, or the next one if none is running. */
  wake(): void {
    if (this.current !== undefined) this.current();
    else this.wakeRequested = true;
  }
}
