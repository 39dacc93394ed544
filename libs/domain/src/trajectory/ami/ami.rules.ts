import { isIsoDate } from '../../dates/iso-date.validator';
import type { EngagementDeclarationData } from '../../events/ami.events';
import { reject } from '../decision.types';
import type { GuardTable } from '../shared/handler.types';
import { isAmiCaseConsistent } from './ami-case.rules';

/** The positive engagement declaration is signed by coordinator, médecin-conseil and insured. */
function isDeclarationComplete(declaration: EngagementDeclarationData): boolean {
  return [
    declaration.coordinatorSignedOn,
    declaration.medicalAdvisorSignedOn,
    declaration.insuredSignedOn,
  ].every((signedOn) => isIsoDate(signedOn));
}

/** Business rules of the AMI trajectory's launch, suspension and resumption. */
export const amiGuards = {
  'be.rtw.ami.launched': (state, { data }) => {
    if (state.ami.status !== 'none') return reject('AMI_ALREADY_LAUNCHED');
    if (!isDeclarationComplete(data.engagementDeclaration)) {
      return reject('ENGAGEMENT_DECLARATION_INCOMPLETE');
    }
    return isAmiCaseConsistent(state, data.case)
      ? undefined
      : reject('AMI_CASE_INCONSISTENT', `Launch case ${data.case} does not match the dossier.`);
  },
  'be.rtw.ami.suspended': (state) =>
    state.ami.status === 'launched' ? undefined : reject('AMI_NOT_LAUNCHED'),
  'be.rtw.ami.resumed': (state) =>
    state.ami.status === 'suspended' ? undefined : reject('AMI_NOT_SUSPENDED'),
} satisfies GuardTable;
