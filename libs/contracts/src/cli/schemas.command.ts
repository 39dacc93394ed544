import { ContractRegistry } from '../registry/contract.registry';
import { type CliIo, EXIT } from './cli.io';

/** `rtw schemas`: lists every contract with its versions and title. */
export function schemasCommand(args: readonly string[], io: CliIo): number {
  if (args.length > 0) {
    io.err('rtw schemas: takes no arguments');
    return EXIT.usage;
  }
  const registry = ContractRegistry.load();
  const contracts = registry.contracts();
  const width = Math.max(...contracts.map((c) => c.type.length));
  for (const contract of contracts) {
    const versions = contract.versions.map((v) => `v${v}`).join(',');
    io.out(`${contract.type.padEnd(width)}  ${versions.padEnd(6)}  ${contract.title}`);
  }
  io.out(`${contracts.length} contracts in ${registry.schemaSet.schemasDir}`);
  return EXIT.ok;
}
