import { createHash } from 'node:crypto';

// The namespace of the hub's connector messages (a random UUID fixed once; never change it: ids
// derived from it are idempotency keys partners may have stored).
const NAMESPACE = Buffer.from('6f2c9a7e41d84b0f9c3e5a1d7b2e8f40', 'hex');

/** What a derived id is for: the message handed to delivery, or the notice to the insurer. */
export type DerivedMessageKind = 'prepared' | 'withheld';

/**
 * The id of the message a connector derives from an accepted event: a name-based UUID (RFC 9562
 * version 5) of the connector, the kind and the event's key (source and id). A redelivered or
 * replayed event yields the same id, which delivery uses as the idempotency key, so a partner never
 * receives the same referral twice under two ids. SHA-1 is the standard's hash here, used for
 * spreading names, not for security.
 */
export function derivedMessageId(args: {
  connector: string;
  kind: DerivedMessageKind;
  event: { readonly source: string; readonly id: string };
}): string {
  // JSON keeps the parts apart whatever they contain.
  const name = JSON.stringify([args.connector, args.kind, args.event.source, args.event.id]);
  const bytes = createHash('sha1').update(NAMESPACE).update(name, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
