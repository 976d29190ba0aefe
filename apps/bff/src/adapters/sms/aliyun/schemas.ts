import { z } from 'zod';

/** Dysmsapi answers (Format=JSON). Code "OK" is success; anything else names the refusal. */
export const ZAliyunSendSmsAnswer = z.object({
  Code: z.string(),
  Message: z.string().optional(),
  BizId: z.string().optional(),
  RequestId: z.string().optional(),
});

export const ZAliyunSendDetail = z.object({
  PhoneNum: z.string(),
  /** 1 waiting for the receipt, 2 failed, 3 delivered. */
  SendStatus: z.coerce.number().int(),
  ErrCode: z.string().optional(),
  TemplateCode: z.string().optional(),
  Content: z.string().optional(),
  SendDate: z.string().optional(),
  ReceiveDate: z.string().optional(),
  OutId: z.string().optional(),
});

export const ZAliyunQuerySendDetailsAnswer = z.object({
  Code: z.string(),
  Message: z.string().optional(),
  TotalCount: z.coerce.number().optional(),
  SmsSendDetailDTOs: z.object({ SmsSendDetailDTO: z.array(ZAliyunSendDetail) }).optional(),
});

/** One delivery receipt of the SmsReport push (HTTP batch push: a JSON array of these). */
export const ZAliyunSmsReport = z.object({
  phone_number: z.string(),
  send_time: z.string().optional(),
  report_time: z.string().optional(),
  success: z.boolean(),
  err_code: z.string().optional(),
  err_msg: z.string().optional(),
  sms_size: z.string().optional(),
  biz_id: z.string(),
  out_id: z.string().optional(),
});
export const ZAliyunSmsReports = z.array(ZAliyunSmsReport).max(1000);

/** What the push expects back; anything else makes it push the batch again. */
export const ALIYUN_REPORT_ACK = { code: 0, msg: '成功' } as const;
