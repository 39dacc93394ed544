import { HubError } from '@rtw/platform';

/** Why a dataset could not be built. */
export type DatasetErrorCode = 'DATASET_INVALID' | 'DATASET_CONTRACT_UNUSABLE';

/**
 * A dataset build failure. Never retriable: an invalid dataset is a defect of the builder or of
 * the contract, and retrying gives the same result. Messages carry the field's path, never a value.
 */
export class DatasetError extends HubError<DatasetErrorCode> {
  constructor(args: { code: DatasetErrorCode; message: string; cause?: unknown }) {
    super({ ...args, retriable: false });
  }
}
