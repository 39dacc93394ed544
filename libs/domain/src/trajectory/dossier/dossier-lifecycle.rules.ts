import type { DossierEvent } from '../../events/dossier-event.types';
import { type Rejection, reject } from '../decision.types';
import type { TrajectoryState } from '../trajectory.state';

/**
 * Rules that hold for every event, checked before the event's own rules: the dossier must be open
 * (opened once), belong to the event's insurer, and after closure only accepts the end of the
 * incapacity (which starts the retention clock).
 */
export function dossierLifecycleRejection(
  state: TrajectoryState,
  event: DossierEvent,
): Rejection | undefined {
  if (state.status === 'none') {
    return event.type === 'be.rtw.dossier.opened' ? undefined : reject('dossier.opened-first');
  }
  if (event.insurer !== state.insurer) return reject('dossier.owned-by-insurer');
  if (state.status === 'closed') {
    return event.type === 'be.rtw.incapacity.ended'
      ? undefined
      : reject('dossier.closed-takes-incapacity-end-only');
  }
  return event.type === 'be.rtw.dossier.opened' ? reject('dossier.opened-once') : undefined;
}
