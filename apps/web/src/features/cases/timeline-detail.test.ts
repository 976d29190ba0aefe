import { describe, expect, it } from 'vitest';
import { describeEventDetail } from './timeline-detail';

describe('timeline detail of 并案', () => {
  it('names the lead, the merged case, the other case of a dismissed pair and the score', () => {
    expect(describeEventDetail('autoMerge', { into: '202600000001', intoId: 1, score: 0.9712 })).toEqual([
      '并入案件：202600000001',
      '相似度：97%',
    ]);
    expect(describeEventDetail('mergeIn', { merged: '202600000002', mergedId: 2 })).toEqual([
      '并入的案件：202600000002',
    ]);
    expect(describeEventDetail('dismissDuplicate', { other: '202600000003', otherId: 3, score: 0.5 })).toEqual([
      '对比案件：202600000003',
      '相似度：50%',
    ]);
  });
});
