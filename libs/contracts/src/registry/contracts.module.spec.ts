import { Test } from '@nestjs/testing';
import { ContractRegistry } from './contract.registry';
import { ContractsModule } from './contracts.module';

describe('ContractsModule', () => {
  it('provides one compiled ContractRegistry to the application', async () => {
    const moduleRef = await Test.createTestingModule({ imports: [ContractsModule] }).compile();
    const registry = moduleRef.get(ContractRegistry);
    expect(registry).toBeInstanceOf(ContractRegistry);
    expect(registry.hasType('be.rtw.dossier.opened')).toBe(true);
    expect(moduleRef.get(ContractRegistry)).toBe(registry);
    await moduleRef.close();
  });
});
