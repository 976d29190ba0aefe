import type { Queryable } from '@citygov/db/client';
import { educationMessages } from '@citygov/db/schema/street-chiefs';
import { enqueueOutboxMessage } from '../integrations/api';

export interface EducationSms {
  caseId: number;
  phone: string | null;
  text: string;
  /** The SMS template's parameters (the template itself is SMS_EDUCATION_TEMPLATE). */
  params: { category: string; address: string };
  createdBy: number | null;
  at: Date;
}

/**
 * 教育短信: recorded in `education_messages` (the case's record of what was said) and, when
 * there is a phone number, put in the outbox for the SMS channel in the same transaction as
 * the action: it is sent once the action commits, by the outbox worker through the recorded
 * SMS sender (`sms_messages` holds the delivery state; the outbox row links to it by remote id).
 */
export async function recordEducationSms(db: Queryable, sms: EducationSms): Promise<{ sendState: 'pending' }> {
  const [recorded] = await db
    .insert(educationMessages)
    .values({
      caseId: sms.caseId,
      phone: sms.phone,
      text: sms.text,
      sendState: 'pending',
      createdBy: sms.createdBy,
      createdAt: sms.at,
    })
    .returning({ id: educationMessages.id });
  if (sms.phone && recorded) {
    await enqueueOutboxMessage(db, {
      system: 'sms',
      kind: 'sms.education',
      lane: `case:${sms.caseId}`,
      key: `education:${recorded.id}`,
      caseId: sms.caseId,
      payload: { phone: sms.phone, purpose: 'education', params: sms.params },
    });
  }
  return { sendState: 'pending' };
}
