import type { ServerResponse } from 'node:http';

/**
 * Requests the `timeout` fault answers with silence: each connection is held until the client
 * gives up or `holdMs` passes (then dropped), and all are dropped at shutdown, so the sandbox
 * never keeps a socket, a timer or the process alive because of a fault.
 */
export class HeldConnections {
  private readonly held = new Set<ServerResponse>();

  constructor(private readonly holdMs: number) {}

  hold(response: ServerResponse): void {
    this.held.add(response);
    const timer = setTimeout(() => response.socket?.destroy(), this.holdMs);
    timer.unref();
    response.once('close', () => {
      clearTimeout(timer);
      this.held.delete(response);
    });
  }

  /** How many connections are held now. */
  count(): number {
    return this.held.size;
  }

  closeAll(): void {
    for (const response of this.held) response.socket?.destroy();
    this.held.clear();
  }
}
