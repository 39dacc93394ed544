import type { ReducerTable } from '../shared/handler.types';
import type { AmiCase } from '../trajectory.state';

/** How the AMI trajectory's launch, suspension and resumption change the state. */
export const amiReducers = {
  'be.rtw.ami.launched': (state, { data }) => ({
    ...state,
    // The decider only accepts cases 1-4 (anything else is AMI_CASE_INCONSISTENT).
    ami: { status: 'launched', case: data.case as AmiCase, launchedOn: data.launchedOn },
  }),
  'be.rtw.ami.suspended': (state, { data }) => ({
    ...state,
    ami: {
      ...state.ami,
      status: 'suspended',
      suspendedOn: data.suspendedOn,
      suspensionReason: data.reason,
    },
  }),
  'be.rtw.ami.resumed': (state) => {
    const { suspendedOn: _suspendedOn, suspensionReason: _reason, ...ami } = state.ami;
    return { ...state, ami: { ...ami, status: 'launched' } };
  },
} satisfies Partial<ReducerTable>;
