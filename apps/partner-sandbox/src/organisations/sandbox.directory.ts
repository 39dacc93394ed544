import type { SandboxOrganisation } from './sandbox-organisations';

/** The organisations the sandbox plays, by id, and how much one message may weigh. */
export class SandboxDirectory {
  private readonly byIds: ReadonlyMap<string, SandboxOrganisation>;

  constructor(
    readonly organisations: readonly SandboxOrganisation[],
    readonly maxMessageBytes: number,
  ) {
    this.byIds = new Map(organisations.map((organisation) => [organisation.id, organisation]));
  }

  /** The organisation `<kind>:<code>`, or undefined when the sandbox does not play it. */
  byId(id: string): SandboxOrganisation | undefined {
    return this.byIds.get(id);
  }
}
