import { describe, expect, it } from 'vitest';
import { type AttentionEvent, caseAttention } from './case-attention';

const at = (hour: number) => new Date(Date.UTC(2026, 11, 3, hour));
const ev = (action: string, hour: number, reason: string | null = null): AttentionEvent => ({
  action,
  reason,
  actorName: '张三',
  at: at(hour),
});

describe('caseAttention', () => {
  it('shows a rework with its reason until the next feedback answers it', () => {
    const events = [ev('feedBack', 1), ev('rework', 2, '垃圾未清理干净')];
    const open = caseAttention({ supervised: false, stageStartedAt: at(2) }, events);
    expect(open).toEqual([expect.objectContaining({ kind: 'rework', label: '返工', reason: '垃圾未清理干净' })]);
    const answered = caseAttention({ supervised: false, stageStartedAt: at(3) }, [...events, ev('feedBack', 3)]);
    expect(answered).toEqual([]);
  });

  it('shows the latest supervision while the case is supervised, and urging for its stage', () => {
    const events = [ev('supervise', 1, '市领导关注'), ev('orderSupervision', 2, '限期回复'), ev('remind', 3, '请尽快')];
    const shown = caseAttention({ supervised: true, stageStartedAt: at(0) }, events);
    expect(shown.map((a) => [a.label, a.reason])).toEqual([
      ['督办', '限期回复'],
      ['催办', '请尽快'],
    ]);
    // Supervision lifted, and a new stage began after the urging.
    expect(caseAttention({ supervised: false, stageStartedAt: at(4) }, events)).toEqual([]);
  });

  it("keeps the latest leader's instruction (批示) through feedback and new stages, after a rework in order", () => {
    const events = [ev('instruct', 1, '先批'), ev('rework', 2, '未清理'), ev('instruct', 3, '再批'), ev('feedBack', 4)];
    const shown = caseAttention({ supervised: false, stageStartedAt: at(5) }, events);
    expect(shown.map((a) => [a.label, a.reason])).toEqual([['批示', '再批']]);
    const reworked = caseAttention({ supervised: false, stageStartedAt: at(3) }, events.slice(0, 3));
    expect(reworked.map((a) => a.kind)).toEqual(['rework', 'instruct']);
  });
});
