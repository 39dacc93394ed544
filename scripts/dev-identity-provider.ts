// LOCAL DEVELOPMENT ONLY: the OpenID provider `npm run hub:start` runs next to the monitor
// (ADR 0094), the same real `oidc-provider` the tests start in-process. Log in at the console with
// any password as `viewer`, `operator`, `privacy` or `insurer-100` (see TEST_PEOPLE).
import { startTestIdentityProvider } from '@rtw/testing';

async function main(): Promise<void> {
  const port = Number(process.env['DEV_IDENTITY_PROVIDER_PORT'] ?? 3005);
  const monitor = process.env['MONITOR_PUBLIC_URL'] ?? 'http://127.0.0.1:3003';
  const secret = process.env['MONITOR_OIDC_CLIENT_SECRET'];
  if (!secret)
    throw new Error('MONITOR_OIDC_CLIENT_SECRET is not set (config/development.env gives one)');
  const provider = await startTestIdentityProvider({
    port,
    client: {
      clientId: process.env['MONITOR_OIDC_CLIENT_ID'] ?? 'rtw-monitor',
      clientSecret: secret,
      redirectUris: [`${monitor}/auth/callback`],
    },
  });
  process.stdout.write(
    `${JSON.stringify({ msg: 'development identity provider listening', issuer: provider.issuer })}\n`,
  );
  const stop = () => void provider.close().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

void main().catch((error: unknown) => {
  process.stderr.write(
    `${JSON.stringify({ msg: 'development identity provider failed', err: String(error) })}\n`,
  );
  process.exit(1);
});
