import { z } from 'zod';

/**
 * Payloads of the 专有钉钉 / 浙政钉 open platform, parsed at the border. Every answer is
 * the `success/content` envelope; `content` is an object or a JSON string of one, and
 * itself carries `success`, `responseCode`, `responseMessage` and `data`.
 */
const ZContentObject = z.object({
  success: z.boolean().optional(),
  responseCode: z.union([z.string(), z.number()]).optional(),
  responseMessage: z.string().optional(),
  data: z.unknown().optional(),
});

export const ZZzdEnvelope = z.object({
  success: z.boolean(),
  errorCode: z.union([z.string(), z.number()]).optional(),
  errorMsg: z.string().optional(),
  content: z
    .union([
      z.string().transform((text, ctx) => {
        try {
          return ZContentObject.parse(JSON.parse(text));
        } catch {
          ctx.addIssue({ code: 'custom', message: 'content is not a JSON object' });
          return z.NEVER;
        }
      }),
      ZContentObject,
    ])
    .optional(),
});
export type TZzdEnvelope = z.infer<typeof ZZzdEnvelope>;

export const ZZzdToken = z.object({
  accessToken: z.string().min(1),
  /** Seconds. */
  expiresIn: z.coerce.number().int().positive(),
});

/** The user an auth code (H5 免登 or scan) resolves to. */
export const ZZzdUser = z.object({
  accountId: z.coerce.number().int(),
  employeeCode: z.string().nullish(),
  account: z.string().nullish(),
  lastName: z.string().nullish(),
  nickNameCn: z.string().nullish(),
  realmId: z.coerce.number().int().nullish(),
  realmName: z.string().nullish(),
  tenantUserId: z.string().nullish(),
  openid: z.string().nullish(),
  namespace: z.string().nullish(),
});
export type TZzdUser = z.infer<typeof ZZzdUser>;

export const ZZzdWorkNotificationResult = z.object({ msgId: z.string().min(1) });

/** The `msg` of a work notification (a JSON string in the form): text or a link card. */
export const ZZzdMessage = z.discriminatedUnion('msgtype', [
  z.object({ msgtype: z.literal('text'), text: z.object({ content: z.string().min(1).max(5000) }) }),
  z.object({
    msgtype: z.literal('link'),
    link: z.object({
      title: z.string().min(1),
      text: z.string().min(1),
      messageUrl: z.string().min(1),
      picUrl: z.string().optional(),
    }),
  }),
]);
export type TZzdMessage = z.infer<typeof ZZzdMessage>;
