import { permissionProcedure, router } from '../../trpc/procedures';
import { answerCall, callNearestOnCase, commandScene, staffTrack } from './command-scene';
import { ZAnswerCallInput, ZCallNearestInput, ZSceneInput, ZTrackInput } from './command-schemas';

/** 片长指挥: the scene of a case and 呼叫最近人员 on the desk; the called person's answer on the phone. */
export const commandRouter = router({
  scene: permissionProcedure('command.view')
    .input(ZSceneInput)
    .query(({ ctx, input }) => commandScene(ctx.db, ctx.user, input.caseId)),

  track: permissionProcedure('command.view')
    .input(ZTrackInput)
    .query(({ ctx, input }) => staffTrack(ctx.db, ctx.user, input)),

  callNearest: permissionProcedure('command.call')
    .input(ZCallNearestInput)
    .mutation(({ ctx, input }) => callNearestOnCase(ctx.db, ctx.user, input, ctx.config.callTimeoutSeconds)),

  answerCall: permissionProcedure('staff.duty')
    .input(ZAnswerCallInput)
    .mutation(({ ctx, input }) => answerCall(ctx.db, ctx.user, input)),
});
