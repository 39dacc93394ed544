import { PARTNER_CONTRACTS, PartnerError, type PartnerContracts } from '@rtw/partners';
import type { ContentValidator } from './json-schema.partner-contracts';

/**
 * The XML side of the partner contracts: a body whose contract is a partner's XML message (the
 * Actiris FIA, the Forem FIF) is decoded by @rtw/partners' hardened codec and checked against the
 * XSD and the content's JSON Schema; anything else is left to the JSON Schema side.
 */
export function xmlContentValidator(partners: PartnerContracts): ContentValidator {
  const byContract = new Map(
    Object.values(PARTNER_CONTRACTS)
      .filter((contract) => contract.message.mediaTypes.includes('application/xml'))
      .map((contract) => [contract.message.schemaId, contract.partner]),
  );
  return (contract, body) => {
    const partner = byContract.get(contract);
    if (partner === undefined) return undefined;
    try {
      partners.readMessage(partner, { body, contentType: 'application/xml' });
      return { ok: true };
    } catch (error) {
      if (!(error instanceof PartnerError)) throw error;
      return {
        ok: false,
        code: 'CONTRACT_VIOLATION',
        ...(error.pointer ? { pointer: error.pointer } : {}),
        message: `the body breaks its contract (${error.code})`,
      };
    }
  };
}
