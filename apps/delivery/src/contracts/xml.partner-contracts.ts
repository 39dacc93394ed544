import {
  INAMI_DATASET_CONTRACT,
  PARTNER_CONTRACTS,
  PartnerError,
  type InamiDatasetContract,
  type PartnerContracts,
} from '@rtw/partners';
import type { ContentValidator } from './json-schema.partner-contracts';

/**
 * The XML side of the partner contracts: a body whose contract is a partner's XML message (the
 * Actiris FIA, the Forem FIF) is decoded by @rtw/partners' hardened codec and checked against the
 * XSD and the content's JSON Schema; INAMI's dataset is checked whole against its XSD (ADR 0082);
 * anything else is left to the JSON Schema side.
 */
export function xmlContentValidator(
  partners: PartnerContracts,
  inamiDataset?: InamiDatasetContract,
): ContentValidator {
  const byContract = new Map(
    Object.values(PARTNER_CONTRACTS)
      .filter((contract) => contract.message.mediaTypes.includes('application/xml'))
      .map((contract) => [contract.message.schemaId, contract.partner]),
  );
  return (contract, body) => {
    const partner = byContract.get(contract);
    const dataset = contract === INAMI_DATASET_CONTRACT.schemaId ? inamiDataset : undefined;
    if (partner === undefined && dataset === undefined) return undefined;
    try {
      if (dataset) dataset.check({ body, contentType: 'application/xml' });
      else partners.readMessage(partner!, { body, contentType: 'application/xml' });
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
