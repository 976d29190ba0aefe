import { CATEGORY_KINDS, URGENCIES } from '@citygov/db/schema/catalogue';
import { z } from 'zod';
import { zId, zLine } from '../../trpc/input-types';

const id = zId;

/** The editable fields of a dispatch rule (派遣规则); null targets mean "any". */
const ruleFields = {
  name: zLine().min(2, '规则名称为 2–40 个字').max(40, '规则名称为 2–40 个字'),
  enabled: z.boolean(),
  automatic: z.boolean(),
  priority: z.number().int('优先级须为整数').min(0, '优先级为 0–100').max(100, '优先级为 0–100'),
  kind: z.enum(CATEGORY_KINDS, '请选择部件或事件').nullable(),
  majorCode: z
    .string()
    .regex(/^\d{2}$/, '大类编码须为 2 位数字')
    .nullable(),
  categoryCode: z
    .string()
    .regex(/^\d{5}$/, '小类编码须为 5 位数字')
    .nullable(),
  /** Null: the whole city (only a city administrator may set that). */
  areaId: id.nullable(),
  urgency: z.enum(URGENCIES, '紧急程度不正确').nullable(),
  leadDepartmentId: z.number('请选择主办部门').int().positive('请选择主办部门').max(2_147_483_647, '编号超出范围'),
  assistingDepartmentIds: z.array(id).max(10, '协办部门最多 10 个'),
  note: z.string().trim().max(200, '备注最多 200 个字').nullable(),
};

export const ZDispatchRuleData = z.object(ruleFields);

export const ZCreateDispatchRuleInput = z.object({
  ...ruleFields,
  enabled: ruleFields.enabled.default(true),
  automatic: ruleFields.automatic.default(false),
  priority: ruleFields.priority.default(0),
  assistingDepartmentIds: ruleFields.assistingDepartmentIds.default([]),
  note: ruleFields.note.default(null),
});

/** Only the fields sent change, so the table's 启用 switch can send `{ enabled }` alone. */
export const ZUpdateDispatchRuleInput = z.object({ id, data: ZDispatchRuleData.partial() });

export const ZRemoveDispatchRuleInput = z.object({ id });

/** 规则预览: a category (a minor one, or only its major class), a place and an urgency. */
export const ZPreviewDispatchRuleInput = z
  .object({
    kind: z.enum(CATEGORY_KINDS, '请选择部件或事件'),
    majorCode: z
      .string()
      .regex(/^\d{2}$/, '大类编码须为 2 位数字')
      .optional(),
    categoryCode: z
      .string()
      .regex(/^\d{5}$/, '小类编码须为 5 位数字')
      .optional(),
    /** An area (the whole of it), or a point on the map (its unit grid); neither: the caller's own area. */
    areaId: id.optional(),
    lng: z.number().min(-180).max(180).optional(),
    lat: z.number().min(-90).max(90).optional(),
    urgency: z.enum(URGENCIES, '请选择紧急程度'),
  })
  .refine((input) => input.majorCode !== undefined || input.categoryCode !== undefined, {
    message: '请选择大类或小类',
    path: ['majorCode'],
  })
  .refine((input) => (input.lng === undefined) === (input.lat === undefined), {
    message: '经纬度须同时提供',
    path: ['lng'],
  });

export type TDispatchRuleData = z.infer<typeof ZDispatchRuleData>;
export type TCreateDispatchRuleInput = z.infer<typeof ZCreateDispatchRuleInput>;
export type TUpdateDispatchRuleInput = z.infer<typeof ZUpdateDispatchRuleInput>;
export type TPreviewDispatchRuleInput = z.infer<typeof ZPreviewDispatchRuleInput>;
