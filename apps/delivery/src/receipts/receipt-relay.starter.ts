import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { OutboxRelayHost } from '@rtw/runtime';

/** Starts the runtime's outbox relay: receipts and dead-letter copies are published after commit. */
@Injectable()
export class ReceiptRelayStarter implements OnApplicationBootstrap {
  constructor(private readonly relay: OutboxRelayHost) {}

  onApplicationBootstrap(): void {
    this.relay.start();
  }
}
