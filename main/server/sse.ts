/** Server-sent events: job progress pushed to the page (`data: {"event", "payload"}`). */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiServices } from '../services/types';

const heartbeatMs = 15_000;

/** Hold an SSE stream open and forward every API event until either side closes. */
export async function sseOpen(
  services: ApiServices,
  request: IncomingMessage,
  response: ServerResponse,
  closing: Set<() => void>,
): Promise<void> {
  response.statusCode = 200;
  response.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
  response.setHeader('Cache-Control', 'no-store');
  response.setHeader('Connection', 'keep-alive');
  response.flushHeaders();
  response.write(': connected\n\n');
  const unsubscribe = services.events.subscribe((event, payload) => {
    response.write(`data: ${JSON.stringify({ event, payload })}\n\n`);
  });
  const heartbeat = setInterval(() => response.write(': ping\n\n'), heartbeatMs);
  heartbeat.unref();
  const end = (): void => {
    clearInterval(heartbeat);
    unsubscribe();
    closing.delete(end);
    if (!response.writableEnded) response.end();
  };
  closing.add(end);
  request.on('close', end);
}
