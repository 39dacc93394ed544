import { GERMAN_SPEAKING_NIS_CODES, POSTAL_CODE_RANGES } from './postal-codes.data';
import type { RegionalServiceId } from './regional-service.types';

const FOUR_DIGITS = /^\d{4}$/;

/** Where the insured lives: a Belgian postal code, and the municipality's NIS code when known. */
export interface ResidenceKey {
  readonly postalCode: string;
  readonly nisCode?: string;
}

/**
 * The regional service competent for a residence, or undefined for a postal code outside Belgium's
 * ranges. A known NIS code is more precise than the (partly secondary) postal codes, so it decides
 * whether the residence is in the German-speaking area.
 */
export function competentRegionalService(residence: ResidenceKey): RegionalServiceId | undefined {
  const byPostalCode = serviceByPostalCode(residence.postalCode);
  if (residence.nisCode === undefined) return byPostalCode;
  if (Object.hasOwn(GERMAN_SPEAKING_NIS_CODES, residence.nisCode)) return 'adg';
  // A NIS code outside the nine municipalities overrules a German-area postal code: those postal
  // codes all lie in the province of Liège, whose other municipalities Le Forem serves.
  return byPostalCode === 'adg' ? 'forem' : byPostalCode;
}

function serviceByPostalCode(postalCode: string): RegionalServiceId | undefined {
  if (!FOUR_DIGITS.test(postalCode)) return undefined;
  const code = Number(postalCode);
  return POSTAL_CODE_RANGES.find((range) => code >= range.from && code <= range.to)?.service;
}
