import type { DataOf, DossierEventType } from '../../events/dossier-event.types';
import { reject } from '../decision.types';
import type { TrajectoryState } from '../trajectory.state';
import { rejectIfBefore } from './date-order';
import type { Guard } from './handler.types';
import { entryOf } from './records.util';

type ReferralRegister = 'cpmtReferrals' | 'regionalReferrals';
type ReferralOf<R extends ReferralRegister> = TrajectoryState[R][string];

/** Event types whose data answers a referral (carries its `referralId`). */
export type AnswerType = {
  [TType in DossierEventType]: DataOf<TType> extends { readonly referralId: string }
    ? TType
    : never;
}[DossierEventType];

/** How a partner answer relates to its referral. */
export interface AnswerRule<R extends ReferralRegister, TType extends AnswerType> {
  /** Why the answer is out of order for this referral, or undefined when it may follow. */
  readonly outOfOrder: (referral: ReferralOf<R>) => string | undefined;
  /** The answer's own date. */
  readonly dateOf: (data: DataOf<TType>) => string;
  /** The date the answer cannot precede; the referral's date unless given. */
  readonly notBefore?: (referral: ReferralOf<R>) => string | undefined;
}

/**
 * The guard of a partner's answer in one register: the referral must exist, the answer must
 * follow the step it depends on, and it cannot be dated before that step. CPMT and regional
 * answers are judged the same way.
 */
export function answerGuard<R extends ReferralRegister>(register: R) {
  return <TType extends AnswerType>(rule: AnswerRule<R, TType>): Guard<TType> =>
    (state, { data }) => {
      const referralId = (data as { readonly referralId: string }).referralId;
      const referrals = state[register] as Readonly<Record<string, ReferralOf<R>>>;
      const referral = entryOf(referrals, referralId);
      if (referral === undefined) return reject('referral.answer-known');
      const outOfOrder = rule.outOfOrder(referral);
      if (outOfOrder !== undefined) return reject('referral.answer-in-order', outOfOrder);
      const notBefore = rule.notBefore?.(referral) ?? referral.requestedOn;
      return rejectIfBefore('referral.answer-not-before-referral', rule.dateOf(data), notBefore);
    };
}
