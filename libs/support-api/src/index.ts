// The support APIs' shared HTTP edge (ADR 0068): delivery's, the tracker's and the INAMI
// evaluation's APIs authenticate, refuse and answer the same way through these.
export { sendJson } from './json.response';
export {
  SUPPORT_API_COMMON_CODES,
  SUPPORT_API_COMMON_STATUS,
  type SupportApiCommonCode,
} from './support-api.codes';
export { actorOf, type SupportApiRequest } from './support-api.request';
export { SupportProblemFilter, type ApiRefusal } from './support-problem.filter';
export { RequiresRole, SupportGuard } from './support.guard';
