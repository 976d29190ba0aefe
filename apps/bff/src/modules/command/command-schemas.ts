import { z } from 'zod';
import { zBigId, zDay, zId, zLine } from '../../trpc/input-types';

export const ZSceneInput = z.object({ caseId: zBigId });

/** 轨迹回放 of one day (a China day; today when not given). */
export const ZTrackInput = z.object({ caseId: zBigId, userId: zId, day: zDay.optional() });

export const ZCallNearestInput = z.object({ caseId: zBigId, reason: zLine().max(200).optional() });

export const ZAnswerCallInput = z.object({
  caseId: zBigId,
  accept: z.boolean({ error: '请选择接受或拒绝' }),
  reason: zLine().max(200).optional(),
});
