import type { DossierEventType } from '../../events/dossier-event.types';
import type { TrajectoryState } from '../trajectory.state';
import { updateEntry } from './records.util';

/** The state's registers of referrals, keyed by referral id. */
type ReferralRegister = 'cpmtReferrals' | 'regionalReferrals';
type ReferralOf<R extends ReferralRegister> = TrajectoryState[R][string];

/** A partner's answer to one referral. */
type ReferralAnswer = {
  readonly type: DossierEventType;
  readonly data: { readonly referralId: string };
};

/**
 * The reducer step for partners' answers in one register: it applies the change to the referral
 * the answer names and appends the answer to that referral's history. CPMT and regional referrals
 * are kept the same way, so both reducer tables use it.
 */
export function referralAnswerReducer<R extends ReferralRegister>(register: R) {
  return (
    state: TrajectoryState,
    event: ReferralAnswer,
    on: string,
    change: (referral: ReferralOf<R>) => Partial<ReferralOf<R>>,
  ): TrajectoryState => {
    const referrals = state[register] as Readonly<Record<string, ReferralOf<R>>>;
    return {
      ...state,
      [register]: updateEntry(referrals, event.data.referralId, (referral) => ({
        ...referral,
        ...change(referral),
        history: [...referral.history, { type: event.type, on }],
      })),
    };
  };
}
