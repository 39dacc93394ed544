import { PartnerError } from '../errors/partner.error';

/** The PartnerError `run` throws; fails the test when it throws nothing or something else. */
export function partnerError(run: () => unknown): PartnerError {
  try {
    run();
  } catch (error) {
    if (error instanceof PartnerError) return error;
    throw error;
  }
  throw new Error('expected a PartnerError');
}
