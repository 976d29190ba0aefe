import { permissionProcedure, router } from '../../trpc/procedures';
import { answerCall, callNearestOnCase, commandScene } from './command-scene';
import { ZAnswerCallInput, ZCallNearestInput, ZSceneInput } from './command-schemas';

/** 片长指挥: the scene of a case and 呼叫最近人员 on the desk; the called person's answer on the phone. */
export const commandRouter = router({
  scene: permissionProcedure('command.view')
    .input(ZSceneInput)
    .query(({ ctx, input }) => commandScene(ctx.db, ctx.user, input.caseId)),

  callNearest: permissionProcedure('command.call')
    .input(ZCallNearestInput)
    .mutation(({ ctx, input }) => callNearestOnCase(ctx.db, ctx.user, input)),

  answerCall: permissionProcedure('staff.duty')
    .input(ZAnswerCallInput)
    .mutation(({ ctx, input }) => answerCall(ctx.db, ctx.user, input)),
});
