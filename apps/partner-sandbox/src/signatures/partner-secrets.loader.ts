import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseWebhookSecret } from '@rtw/webhooks';
import { ConfigError } from '@rtw/platform';
import type { SandboxOrganisation } from '../organisations/sandbox-organisations';

/**
 * The delivery signing secrets of each organisation, from `<dir>/<kind>-<code>.secret` (the files
 * delivery's development directory names): one `whsec_<base64>` secret a line, blank lines and
 * `#` comments ignored, several lines during a rotation. An organisation without a file has no
 * secret, and every delivery to it is refused as unverifiable.
 */
export function loadPartnerSecrets(
  dir: string,
  organisations: readonly SandboxOrganisation[],
  configKey: string,
): Map<string, string[]> {
  const secrets = new Map<string, string[]>();
  for (const organisation of organisations) {
    const file = join(dir, `${organisation.kind}-${organisation.code}.secret`);
    if (!existsSync(file)) continue;
    const lines = readFileSync(file, 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('#'));
    for (const line of lines) {
      if (typeof parseWebhookSecret(line) === 'string')
        throw new ConfigError([
          { key: configKey, reason: `holds an unusable secret for ${organisation.id}` },
        ]);
    }
    secrets.set(organisation.id, lines);
  }
  return secrets;
}
