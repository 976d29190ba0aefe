import { COLLECTION_STATUS_KEYS, FIELD_TYPES, MAX_FORM_FIELDS } from '@citygov/domain/collection/forms';
import { MOBILE_PHONE } from '@citygov/domain/messaging/sms';
import { z } from 'zod';
import { zBigId, zId, zLine } from '../../trpc/input-types';

const zTypeCode = zLine().min(1, '请选择采集类型').max(40);
const zPhone = z.string().trim().regex(MOBILE_PHONE, '请输入正确的手机号码');
/** Form values: field key → text (checked against the type's definition in the procedure). */
const zValues = z.record(zLine().max(60), z.string().trim().max(200, '内容不能超过 200 字')).default({});
const zLng = z.number().min(-180).max(180).nullable().default(null);
const zLat = z.number().min(-90).max(90).nullable().default(null);

const recordFields = {
  name: zLine().min(1, '请填写名称').max(100, '名称不能超过 100 字'),
  address: zLine().max(200, '地址不能超过 200 字').default(''),
  lng: zLng,
  lat: zLat,
  ownerPhone: zPhone.nullable().default(null),
  values: zValues,
};

export const ZListInput = z.object({
  typeCode: zTypeCode.optional(),
  status: z.enum(COLLECTION_STATUS_KEYS).optional(),
  q: zLine().max(60).default(''),
  page: z.number().int().min(1).max(100_000).default(1),
  pageSize: z.number().int().min(1).max(200).default(20),
});

export const ZCreateInput = z.object({ typeCode: zTypeCode, areaId: zId, ...recordFields });
/** An edit sends masked values back as the list showed them (138****0000): those keep the stored number. */
const zMaskedPhone = z
  .string()
  .trim()
  .regex(/^1\d{2}\*{4}\d{4}$/, '请输入正确的手机号码');
export const ZUpdateInput = z.object({
  id: zBigId,
  data: z.object({ ...recordFields, ownerPhone: z.union([zPhone, zMaskedPhone]).nullable().default(null) }),
});
export const ZReviewInput = z
  .object({
    id: zBigId,
    verdict: z.enum(['approve', 'reject'], { error: '请选择通过或驳回' }),
    note: z.string().trim().max(500).default(''),
  })
  .refine((r) => r.verdict === 'approve' || r.note.length >= 2, { message: '请填写驳回原因', path: ['note'] });
export const ZDeregisterInput = z.object({
  id: zBigId,
  reason: z.string().trim().min(2, '请填写注销原因').max(500),
});
export const ZDecideDeregisterInput = z.object({ id: zBigId, approve: z.boolean() });
export const ZRevealInput = z.object({ id: zBigId, field: zLine().min(1).max(60) });

/** The form editor's list of fields, in display order; the next version is made from it (nextFormVersion). */
export const ZSaveFormInput = z.object({
  typeCode: zTypeCode,
  /** The version the editor started from: a save over someone else's newer version is refused. Omitted: no check. */
  expectedVersion: z.number().int().min(1).optional(),
  fields: z
    .array(
      z.object({
        key: zLine().max(60).optional(),
        label: zLine().max(40, '字段名称不能超过 20 字'),
        type: z.enum(FIELD_TYPES),
        required: z.boolean(),
        options: z.array(zLine().max(40)).max(30).optional(),
      }),
    )
    .max(MAX_FORM_FIELDS),
});

export const ZSetQrActiveInput = z.object({ id: zBigId, active: z.boolean() });

export const ZCreateQrInput = z.object({
  typeCode: zTypeCode,
  areaId: zId,
  label: zLine().min(1, '请填写二维码名称（采集员或地点）').max(60),
  /** A collector's own code (the caller) rather than a place's. */
  perCollector: z.boolean().default(false),
});

const zToken = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{8,64}$/, '二维码无效或已停用');
export const ZTokenInput = z.object({ token: zToken });
export const ZPublicPlaceInput = z.object({
  token: zToken,
  lng: z.number().min(-180).max(180),
  lat: z.number().min(-90).max(90),
});
export const ZPublicRegisterInput = z.object({ token: zToken, ...recordFields, ownerPhone: zPhone });

export const ZOwnerCodeRequestInput = z.object({ phone: zPhone });
export const ZOwnerLoginInput = ZOwnerCodeRequestInput.extend({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, '请输入 6 位验证码'),
});
export const ZOwnerUpdateInput = z.object({
  id: zBigId,
  data: z.object({ name: recordFields.name, address: recordFields.address, values: zValues }),
});

/** An .xlsx file, base64 (the request body allows about 1 MB). */
export const ZImportParseInput = z.object({
  typeCode: zTypeCode,
  fileBase64: z.string().min(1, '请选择文件').max(900_000, '文件过大，请分成几个文件导入（每个不超过 600 KB）'),
});
export const IMPORT_BATCH = 100;
export const ZImportRowsInput = z.object({
  typeCode: zTypeCode,
  areaId: zId,
  rows: z
    .array(
      z.object({
        row: z.number().int().min(1).max(1_000_000),
        cells: z.record(zLine().max(60), z.string().max(500)),
      }),
    )
    .min(1)
    .max(IMPORT_BATCH, `每批最多 ${IMPORT_BATCH} 行`),
});
