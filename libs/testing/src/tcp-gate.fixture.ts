// A TCP gate in front of a real server (the broker, PostgreSQL), so a test can make a dependency
// "down" and bring it "back" without stopping the shared server: while shut, connections are
// accepted and dropped at once (as a server that is not there yet); while open, bytes flow.
import { connect, createServer, type Server, type Socket } from 'node:net';

/** A gate on 127.0.0.1:<port> forwarding to a target while open. */
export interface TcpGate {
  readonly port: number;
  /** host:port of the gate, for KAFKA_BROKERS or a database URL. */
  readonly address: string;
  /** Lets new connections through. */
  open(): void;
  /** Drops new connections and cuts the ones in progress (an outage). */
  shut(): void;
  isOpen(): boolean;
  /** Connections accepted while open so far. */
  connectionsForwarded(): number;
  close(): Promise<void>;
}

/** Opens a gate to `target` (`host:port`), shut unless `open` is true. */
export async function startTcpGate(
  target: string,
  options: { open?: boolean } = {},
): Promise<TcpGate> {
  const cut = target.lastIndexOf(':');
  const host = target.slice(0, cut);
  const targetPort = Number(target.slice(cut + 1));
  let open = options.open ?? false;
  let forwarded = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    if (!open) {
      client.destroy();
      return;
    }
    forwarded += 1;
    const upstream = connect({ host, port: targetPort });
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => undefined);
    }
    client.pipe(upstream);
    upstream.pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    address: `127.0.0.1:${port}`,
    open: () => void (open = true),
    shut: () => {
      open = false;
      for (const socket of sockets) socket.destroy();
    },
    isOpen: () => open,
    connectionsForwarded: () => forwarded,
    close: async () => {
      open = false;
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
