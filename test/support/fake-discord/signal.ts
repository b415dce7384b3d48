/**
 * Lets tests wait for something the fake records: every change calls `notify()`, and each
 * waiter re-checks its condition then. Waiting never sleeps in fixed steps.
 */
export class Signal {
  private readonly listeners = new Set<() => void>();
  private closed = false;

  notify(): void {
    for (const listener of [...this.listeners]) listener();
  }

  /** Resolves with the first defined value `check` returns; rejects after `timeoutMs`. */
  waitFor<T>(check: () => T | undefined, timeoutMs: number, describe: () => string): Promise<T> {
    const now = check();
    if (now !== undefined) return Promise.resolve(now);
    if (this.closed) return Promise.reject(new Error(`Fake Discord is stopped; ${describe()}`));
    return new Promise<T>((resolve, reject) => {
      const finish = () => {
        clearTimeout(timer);
        this.listeners.delete(listener);
      };
      const listener = () => {
        if (this.closed) {
          finish();
          reject(new Error(`Fake Discord stopped while waiting; ${describe()}`));
          return;
        }
        const value = check();
        if (value === undefined) return;
        finish();
        resolve(value);
      };
      const timer = setTimeout(() => {
        finish();
        reject(new Error(`Timed out after ${timeoutMs} ms; ${describe()}`));
      }, timeoutMs);
      this.listeners.add(listener);
    });
  }

  /** Wakes every waiter with a rejection; later waits reject at once. */
  close(): void {
    this.closed = true;
    this.notify();
  }
}
