import type { CaseAction } from '@citygov/domain/cases/case-actions';
import { type ActionHandler, stateOnly } from './action-handler';
import { approveExtension } from './approve-extension';
import { approveHandOver } from './approve-hand-over';
import { approveHangUp } from './approve-hang-up';
import { approveReturn } from './approve-return';
import { assistFeedBack } from './assist-feed-back';
import { autoDispatch } from './auto-dispatch';
import { autoMerge } from './auto-merge';
import { acceptCall, callNearest, callTimeout, declineCall, relayCall } from './case-calls';
import { chiefVoid } from './chief-void';
import { closeVerify } from './close-verify';
import { answerCollectorTask, sendCollectorTask } from './collector-task';
import { crossCheckVerdict } from './cross-check-verdict';
import { dispatch } from './dispatch';
import { educate } from './educate';
import { escalate } from './escalate';
import { falseReport } from './false-report';
import { file } from './file';
import { fileEnforcement } from './file-enforcement';
import { forceDispatch } from './force-dispatch';
import { handOver } from './hand-over';
import { jointClose } from './joint-close';
import { markDifficult } from './mark-difficult';
import { merge } from './merge';
import { notFound } from './not-found';
import { orderSupervision } from './order-supervision';
import { persuade } from './persuade';
import { rejectHandOver } from './reject-hand-over';
import { replySupervision } from './reply-supervision';
import { requestExtension } from './request-extension';
import { resume } from './resume';
import { returnToLine } from './return-to-line';
import { routeToChief } from './route-to-chief';
import { subDispatch } from './sub-dispatch';
import { supervise } from './supervise';

/**
 * Each action of the domain's action table, by name, with what is particular to it. The
 * type makes the list complete: a new row in the table does not compile until it is
 * here. Actions whose row says all (the state, the pending request, the clock) are
 * `stateOnly` and have no file of their own.
 */
export const CASE_ACTION_HANDLERS: Record<CaseAction, ActionHandler> = {
  accept: stateOnly,
  requestVerify: sendCollectorTask,
  submitVerification: answerCollectorTask,
  file,
  refuseFiling: stateOnly,
  dispatch,
  autoDispatch,
  forceDispatch,
  subDispatch,
  merge,
  autoMerge,
  takeUp: stateOnly,
  feedBack: stateOnly,
  requestCheck: sendCollectorTask,
  submitCheck: answerCollectorTask,
  close: stateOnly,
  quickClose: stateOnly,
  rework: stateOnly,
  requestReturn: stateOnly,
  approveReturn,
  rejectReturn: stateOnly,
  requestExtension,
  approveExtension,
  rejectExtension: stateOnly,
  requestHangUp: stateOnly,
  approveHangUp,
  rejectHangUp: stateOnly,
  resume,
  requestVoid: stateOnly,
  approveVoid: stateOnly,
  rejectVoid: stateOnly,
  supervise,
  orderSupervision,
  replySupervision,
  instruct: stateOnly,
  remind: stateOnly,
  assistFeedBack,
  markDifficult,
  routeToChief,
  persuade,
  escalate,
  notFound,
  educate,
  falseReport,
  handOver,
  closeVerify,
  returnToLine,
  approveHandOver,
  rejectHandOver,
  fileEnforcement,
  chiefVoid,
  jointClose,
  crossCheckPass: crossCheckVerdict,
  crossCheckFail: crossCheckVerdict,
  crossCheckRework: crossCheckVerdict,
  callNearest,
  acceptCall,
  declineCall,
  callTimeout,
  relayCall,
};
