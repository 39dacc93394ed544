import type { PartnerMediaType } from '@rtw/partners';
import type { SandboxOrganisation } from '../organisations/sandbox-organisations';
import { DEFAULT_SCRIPTS, defaultAnswerFormat, type AnswerScript } from './answer.scripts';

/** How an organisation answers: its script and the format it writes in. */
export interface AnswerSettings {
  readonly script: AnswerScript;
  readonly answerFormat: PartnerMediaType;
}

/**
 * Which script each organisation follows: one set through the control API, else one from the
 * scripts file (by organisation id, then partner, then kind), else the built-in one of its kind.
 */
export class ScriptBook {
  private readonly overrides = new Map<string, Partial<AnswerSettings>>();

  constructor(private readonly fromFile: ReadonlyMap<string, AnswerScript> = new Map()) {}

  settingsOf(organisation: SandboxOrganisation): AnswerSettings {
    const override = this.overrides.get(organisation.id);
    return {
      script:
        override?.script ??
        this.fromFile.get(organisation.id) ??
        this.fromFile.get(organisation.partner) ??
        this.fromFile.get(organisation.kind) ??
        DEFAULT_SCRIPTS[organisation.kind],
      answerFormat: override?.answerFormat ?? defaultAnswerFormat(organisation),
    };
  }

  set(organisation: string, settings: Partial<AnswerSettings>): void {
    this.overrides.set(organisation, { ...this.overrides.get(organisation), ...settings });
  }

  reset(): void {
    this.overrides.clear();
  }
}
