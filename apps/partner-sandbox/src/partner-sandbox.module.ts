import { Module } from '@nestjs/common';
import { ControlController } from './http/control.controller';
import { MessagesController } from './http/messages.controller';
import { PartnerSandboxLifecycle } from './partner-sandbox.lifecycle';
import { PARTNER_SANDBOX_PROVIDERS } from './partner-sandbox.providers';

/**
 * Plays the partner organisations' systems (Actiris, VDAB, Le Forem, ADG, each prevention
 * service's CPMTs, INAMI) for local runs and end-to-end tests; the real ones are not reachable
 * from here. Receives signed deliveries, checks them like the real service would, acknowledges,
 * then sends the service's answers back through the gateway. Faults on demand (ADR 0071).
 */
@Module({
  controllers: [MessagesController, ControlController],
  providers: [...PARTNER_SANDBOX_PROVIDERS, PartnerSandboxLifecycle],
})
export class PartnerSandboxModule {}
