/**
 * The consumer's heartbeat, on its own timer as the SDK's consumer does: a slow sink (retries
 * for minutes) must not make the group think this consumer died and hand its shards to another.
 * The answer of the latest beat is the allocation the pull loop follows.
 */
import { consumerGroupHeartbeat } from './logstoreApi';
import type { ConsumerGroupRef } from './logstoreApi';

export class ConsumerHeartbeat {
  /** The shards the latest heartbeat allocated to this consumer. */
  allocated: number[] = [];
  /** A heartbeat that failed (after the request's own retries): the pull loop throws it. */
  failure: unknown = null;
  private timer: NodeJS.Timeout | undefined;
  private inFlight = false;

  constructor(
    private readonly ref: ConsumerGroupRef,
    private readonly held: () => number[],
    private readonly everyMs: number,
  ) {}

  /** Beat once now (the first allocation), then every `everyMs` in the background. */
  async start(): Promise<void> {
    await this.beat();
    this.timer = setInterval(() => {
      if (this.inFlight) return;
      this.inFlight = true;
      this.beat()
        .catch((error: unknown) => {
          this.failure = error;
        })
        .finally(() => {
          this.inFlight = false;
        });
    }, this.everyMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private async beat(): Promise<void> {
    this.allocated = await consumerGroupHeartbeat(this.ref, this.held());
  }
}
