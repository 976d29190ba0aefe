import { describe, expect, it } from 'vitest';
import { type FieldDef, nextFormVersion } from './forms';

const V1: FieldDef[] = [
  { key: 'teamName', label: '队伍名称', type: 'text', required: true },
  { key: 'contactPhone', label: '联系电话', type: 'phone', required: true, masked: true },
];

describe('nextFormVersion', () => {
  it('keeps the keys (and masking) of kept fields, and gives new fields keys of their version', () => {
    const next = nextFormVersion(
      V1,
      [
        { key: 'contactPhone', label: '手机', type: 'phone', required: false },
        { label: ' 服务时段 ', type: 'select', required: true, options: ['工作日', ' 周末 ', '周末', ''] },
      ],
      2,
    );
    expect(next).toEqual({
      ok: true,
      fields: [
        { key: 'contactPhone', label: '手机', type: 'phone', required: false, masked: true },
        { key: 'v2_2', label: '服务时段', type: 'select', required: true, options: ['工作日', '周末'] },
      ],
    });
  });

  it('refuses an empty form, blank or repeated names, unknown keys and a select without options, in Chinese', () => {
    expect(nextFormVersion(V1, [], 2)).toEqual({ ok: false, problems: ['表单至少需要一个字段'] });
    const bad = nextFormVersion(
      V1,
      [
        { label: ' ', type: 'text', required: false },
        { key: 'teamName', label: '名称', type: 'text', required: true },
        { key: 'teamName', label: '名称', type: 'text', required: true },
        { key: 'gone', label: '旧字段', type: 'text', required: false },
        { label: '类别', type: 'select', required: false, options: [] },
      ],
      2,
    );
    expect(bad).toEqual({
      ok: false,
      problems: [
        '第 1 个字段没有名称',
        '字段名称「名称」重复',
        '字段「名称」出现了两次',
        '字段「旧字段」不属于当前表单，请刷新后重试',
        '下拉字段「类别」至少需要一个选项',
      ],
    });
  });
});
