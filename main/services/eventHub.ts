/** A tiny typed publish/subscribe hub for main → renderer events (`onX`). */

/** Fans events out to every transport (IPC window, SSE clients); a failing listener is dropped. */
export class EventHub<Events> {
  private readonly listeners = new Set<(event: keyof Events, payload: Events[keyof Events]) => void>();

  /** Subscribe to every event; returns the unsubscribe function. */
  subscribe(listener: <E extends keyof Events>(event: E, payload: Events[E]) => void): () => void {
    const wrapped = listener as (event: keyof Events, payload: Events[keyof Events]) => void;
    this.listeners.add(wrapped);
    return () => this.listeners.delete(wrapped);
  }

  /** Deliver one event to all listeners. */
  emit<E extends keyof Events>(event: E, payload: Events[E]): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(event, payload);
      } catch {
        // A broken transport (closed socket, destroyed window) must not break the job.
        this.listeners.delete(listener);
      }
    }
  }

  /** Number of subscribers (for tests and diagnostics). */
  get size(): number {
    return this.listeners.size;
  }
}
