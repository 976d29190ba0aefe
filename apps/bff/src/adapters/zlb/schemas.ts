import { z } from 'zod';

/** The IRS gateway's envelope around 浙里办 answers. */
export const ZZlbEnvelope = z.object({
  success: z.boolean(),
  errorCode: z.union([z.string(), z.number()]).nullish(),
  errorMsg: z.string().nullish(),
  data: z.unknown().optional(),
});

export const ZZlbToken = z.object({ accessToken: z.string().min(1), expiresIn: z.coerce.number().optional() });

/** A 浙里办 personal user; certificate numbers are not kept by us. */
export const ZZlbUser = z.object({
  userId: z.string().min(1),
  userName: z.string().nullish(),
  mobile: z.string().nullish(),
  certType: z.string().nullish(),
});
export type TZlbUser = z.infer<typeof ZZlbUser>;
