import { z } from 'zod';

export const ZYunmasTemplateSubmit = z.object({
  ecName: z.string(),
  apId: z.string(),
  templateId: z.string(),
  mobiles: z.string(),
  params: z.string(),
  sign: z.string(),
  addSerial: z.string(),
  mac: z.string(),
});

/** The answer of /sms/tmpsubmit: rspcod "success" and the batch id msgGroup. */
export const ZYunmasSubmitAnswer = z.object({
  rspcod: z.string(),
  msgGroup: z.string().optional(),
  success: z.boolean().optional(),
});

/** One status report (状态报告) pushed to our callback; reportStatus CL = delivered. */
export const ZYunmasReport = z.object({
  reportStatus: z.string(),
  mobile: z.string(),
  submitDate: z.string().optional(),
  receiveDate: z.string().optional(),
  errorCode: z.string().optional(),
  msgGroup: z.string(),
});
export const ZYunmasReports = z.union([ZYunmasReport.transform((r) => [r]), z.array(ZYunmasReport).max(1000)]);
