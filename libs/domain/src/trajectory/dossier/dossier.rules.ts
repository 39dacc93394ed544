import { parseNiss } from '../../identifiers/niss.parser';
import { sendsTrajectoryData } from '../../reference-data/insurers/insurer.lookup';
import { reject } from '../decision.types';
import type { GuardTable } from '../shared/handler.types';

/** Business rules of the dossier's own events. */
export const dossierGuards = {
  'be.rtw.dossier.opened': (_state, event) => {
    if (!sendsTrajectoryData(event.insurer)) return reject('dossier.insurer-runs-trajectories');
    const niss = parseNiss(event.data.insured.niss);
    // The reason code tells the publisher what is wrong without echoing the number.
    return niss.ok
      ? undefined
      : reject('dossier.niss-valid', `Insured's number rejected: ${niss.reason}.`);
  },
} satisfies GuardTable;
