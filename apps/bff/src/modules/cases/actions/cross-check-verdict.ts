import { crossCheckSamples } from '@citygov/db/schema/cross-check';
import { ForbiddenError, NotFoundError, ValidationError } from '@citygov/domain/errors';
import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { defineAction } from './action-handler';

const ZVerdictInput = z.object({
  crossCheckSampleId: z.number({ error: '抽查结论须从交叉抽查页提交' }).int().positive(),
  reasonCodes: z.array(z.string().max(40)).max(20).default([]),
});

/**
 * 交叉抽查 verdicts (抽查合格 / 抽查不合格 / 抽查返工): taken only on a sample of this case
 * assigned to the acting supervisor and not yet reviewed, so nobody marks a case outside
 * a plan or twice. The sample row itself is written by the cross-check module.
 */
export const crossCheckVerdict = defineAction({
  input: ZVerdictInput,
  async effects({ db, row, actor, input, update, detail, plan }) {
    const [sample] = await db
      .select({ id: crossCheckSamples.id, reviewerId: crossCheckSamples.reviewerId })
      .from(crossCheckSamples)
      .where(
        and(
          eq(crossCheckSamples.id, input.crossCheckSampleId),
          eq(crossCheckSamples.caseId, row.id),
          isNull(crossCheckSamples.verdict),
        ),
      );
    if (!sample) throw new NotFoundError('该案件没有待评审的抽查样本');
    if (sample.reviewerId !== actor.id) throw new ForbiddenError('该抽查样本已分配给其他督查员');
    if (plan.action === 'crossCheckRework') {
      // Back to handling: the case is no longer closed.
      update.closedAt = null;
    }
    if (plan.action !== 'crossCheckPass' && input.reasonCodes.length === 0) {
      throw new ValidationError('请选择不合格原因', { field: 'reasonCodes' });
    }
    detail.crossCheckSampleId = sample.id;
    detail.reasonCodes = input.reasonCodes;
  },
});
