import { categories } from '@citygov/db/schema/catalogue';
import { educationMessage } from '@citygov/domain/street-chiefs/chief-lines';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { recordEducationSms } from '../education-sms';
import { defineAction } from './action-handler';

/** 教育: the subject (a shop keeper, a vendor) is educated; the education SMS goes to their phone. */
export const educate = defineAction({
  input: z.object({
    subjectPhone: z
      .string()
      .trim()
      .regex(/^1\d{10}$/, '请填写正确的 11 位手机号')
      .optional(),
  }),
  async effects({ db, actor, row, input, now, detail, after }) {
    const [category] = await db
      .select({ name: categories.name })
      .from(categories)
      .where(and(eq(categories.kind, row.kind), eq(categories.code, row.categoryCode)));
    const text = educationMessage(category?.name ?? '街面秩序', row.address);
    const phone = input.subjectPhone ?? null;
    after(async () => {
      await recordEducationSms(db, {
        caseId: row.id,
        phone,
        text,
        params: { category: category?.name ?? '街面秩序', address: row.address },
        createdBy: actor.id,
        at: now,
      });
    });
    Object.assign(detail, {
      education: text,
      sms: phone ? `教育短信已交发送，发往 ${phone.slice(0, 3)}****${phone.slice(7)}` : '未留手机号，仅现场教育',
    });
  },
});
