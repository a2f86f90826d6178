/**
 * A bound on concurrent heavy API calls from the browser-mode client (issue 12 §2: 200
 * concurrent listings of a 100,000-key folder ran the server out of memory, and `app.info`
 * took 28 s behind 50 of them).
 *
 * Heavy calls beyond the bound wait in a FIFO queue (never dropped); light calls (app.info,
 * settings, jobs.cancel, …) do not pass through the gate, so they never wait behind heavy ones.
 * Calls that start a cancellable job (table.open, export.csv, decompress.file, downloads) are
 * not gated either: a queued job would not yet be known to `jobs.cancel`.
 */

/** Methods whose cost grows with the data they read or return. */
export const heavyApiMethods: ReadonlySet<string> = new Set([
  'browse.list',
  'object.inspect',
  'parquet.schema',
  'table.rows',
  'table.raw',
  'rules.simulate',
  'range.plan',
]);

/** Heavy calls run at once per client; a few keep two cores busy without piling up memory. */
export const heavyCallsMax = 4;

/** A counting semaphore with a FIFO queue. */
export class CallGate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly limit: number = heavyCallsMax) {}

  /** Calls running and waiting now (tests and diagnostics). */
  get load(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }

  /** Run `task` once a slot is free; the slot is released however the task ends. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running++;
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      // The slot passes straight to the next waiter, so `running` never drops below the queue's need.
      if (next) next();
      else this.running--;
    }
  }
}
