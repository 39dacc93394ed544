// Is a Kafka broker answering at host:port? A TCP connect is enough to decide whether the test
// runner must start the local broker itself; the broker's own readiness is checked by kafka.sh wait.
import { connect } from 'node:net';

export function brokerAddress() {
  const first = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',')[0].trim();
  const cut = first.lastIndexOf(':');
  return { host: first.slice(0, cut), port: Number(first.slice(cut + 1)) };
}

export function isPortOpen({ host, port }, timeoutMs = 1000) {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (open) => {
      socket.destroy();
      resolve(open);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}
