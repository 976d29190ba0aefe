import { describe, expect, it } from 'vitest';
import { CASE_ACTION_NAMES } from '../cases/case-actions';
import { isPublicReplyAction, PUBLIC_STEP_LABELS, publicStatusNote, publicSteps } from './public-progress';

const at = (minute: number) => new Date(Date.UTC(2026, 4, 1, 2, minute));

describe('public progress', () => {
  it('shows the milestones once each, at their last time, and hides internal work', () => {
    const steps = publicSteps([
      { action: 'report', at: at(0) },
      { action: 'accept', at: at(1) },
      { action: 'requestVerify', at: at(2) },
      { action: 'submitVerification', at: at(3) },
      { action: 'file', at: at(4) },
      { action: 'dispatch', at: at(5) },
      { action: 'supervise', at: at(6) },
      { action: 'takeUp', at: at(7) },
      { action: 'feedBack', at: at(8) },
      { action: 'rework', at: at(9) },
      { action: 'remark', at: at(10) },
      { action: 'feedBack', at: at(11) },
      { action: 'close', at: at(12) },
    ]);
    expect(steps).toEqual([
      { label: '收到反映', at: at(0) },
      { label: '已受理', at: at(1) },
      { label: '已立案', at: at(4) },
      { label: '已交处置单位办理', at: at(5) },
      { label: '处置单位开始处置', at: at(7) },
      { label: '处置单位反馈已处理', at: at(11) },
      { label: '已办结', at: at(12) },
    ]);
  });

  it('keeps every reason internal except the reply actions', () => {
    const replies = CASE_ACTION_NAMES.filter(isPublicReplyAction).sort();
    expect(replies).toEqual(['close', 'quickClose', 'refuseFiling']);
    for (const internal of ['rework', 'requestReturn', 'supervise', 'remind', 'submitCheck', 'subDispatch']) {
      expect(PUBLIC_STEP_LABELS[internal]).toBeUndefined();
      expect(isPublicReplyAction(internal)).toBe(false);
    }
  });

  it('says the status in plain words, with the reply when there is one', () => {
    expect(publicStatusNote('checking', null)).toBe('已处置，待核查');
    expect(publicStatusNote('closed', '路面已修复')).toBe('已办结：路面已修复');
    expect(publicStatusNote('something-new', null)).toBe('办理中');
  });
});
