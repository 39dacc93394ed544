import { Global, Module } from '@nestjs/common';
import { ContractRegistry } from './contract.registry';

/**
 * Provides one ContractRegistry per application, compiled when the module initialises, so a
 * broken or missing schema stops the app at boot rather than at its first event.
 */
@Global()
@Module({
  providers: [{ provide: ContractRegistry, useFactory: () => ContractRegistry.load() }],
  exports: [ContractRegistry],
})
export class ContractsModule {}
