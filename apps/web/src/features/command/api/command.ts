import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { inferOutput } from '@trpc/tanstack-react-query';
import { useTRPC } from '../../../lib/trpc';

type Command = ReturnType<typeof useTRPC>['command'];
type Staff = ReturnType<typeof useTRPC>['staff'];
export type CommandScene = inferOutput<Command['scene']>;
export type SceneStaff = CommandScene['staff'][number];
export type SceneCall = CommandScene['calls'][number];
export type MyCall = inferOutput<Staff['myCalls']>[number];
export type StaffTrack = inferOutput<Command['track']>;

/** The scene refreshes every few seconds: positions and answers are live. */
const SCENE_REFRESH_MS = 5_000;

export function useCommandScene(caseId: number) {
  const trpc = useTRPC();
  return useQuery({
    ...trpc.command.scene.queryOptions({ caseId }),
    enabled: Number.isInteger(caseId) && caseId > 0,
    refetchInterval: SCENE_REFRESH_MS,
  });
}

export function useCallNearest() {
  const trpc = useTRPC();
  const client = useQueryClient();
  return useMutation(
    trpc.command.callNearest.mutationOptions({
      onSettled: () =>
        Promise.all([
          client.invalidateQueries(trpc.command.pathFilter()),
          client.invalidateQueries(trpc.cases.byId.pathFilter()),
        ]),
    }),
  );
}

export function useMyDuty(enabled = true) {
  const trpc = useTRPC();
  return useQuery({ ...trpc.staff.myDuty.queryOptions(), enabled, refetchInterval: 60_000 });
}

export function useSetOnDuty() {
  const trpc = useTRPC();
  const client = useQueryClient();
  return useMutation(
    trpc.staff.setOnDuty.mutationOptions({ onSettled: () => client.invalidateQueries(trpc.staff.pathFilter()) }),
  );
}

export function useReportPositions() {
  const trpc = useTRPC();
  const client = useQueryClient();
  return useMutation(
    trpc.staff.reportPositions.mutationOptions({
      // Refused too: an OFF_DUTY answer (自动下岗) turns the duty card to 离岗.
      onSettled: () => client.invalidateQueries(trpc.staff.myDuty.pathFilter()),
    }),
  );
}

/** The calls to me; polled so a new 呼叫 shows without a reload. */
export function useMyCalls(enabled = true) {
  const trpc = useTRPC();
  return useQuery({ ...trpc.staff.myCalls.queryOptions(), enabled, refetchInterval: 10_000 });
}

export function useAnswerCall() {
  const trpc = useTRPC();
  const client = useQueryClient();
  return useMutation(
    trpc.command.answerCall.mutationOptions({ onSettled: () => client.invalidateQueries(trpc.staff.pathFilter()) }),
  );
}

/** 轨迹回放: one day's track (YYYY-MM-DD) of one person of the case's area. */
export function useStaffTrack(caseId: number, userId: number | null, day: string) {
  const trpc = useTRPC();
  return useQuery({
    ...trpc.command.track.queryOptions({ caseId, userId: userId ?? 0, day }),
    enabled: userId !== null,
  });
}

export type DutyReport = inferOutput<Staff['dutyReport']>;
export type DutyReportRow = DutyReport['rows'][number];

/** 在岗统计 of the viewer's area scope over a range of days. */
export function useDutyReport(range: { from: string; to: string }) {
  const trpc = useTRPC();
  return useQuery(trpc.staff.dutyReport.queryOptions(range));
}
