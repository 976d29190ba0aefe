import type { Queryable } from '@citygov/db/client';
import { educationMessages } from '@citygov/db/schema/street-chiefs';

export interface EducationSms {
  caseId: number;
  phone: string | null;
  text: string;
  createdBy: number | null;
  at: Date;
}

/**
 * 教育短信: recorded as 'pending' in `education_messages`, an outbox. The SMS adapter
 * (being built separately) is to send the pending rows and set `send_state`, `attempts`,
 * `last_error` and `remote_id`; until it exists the message waits here and the timeline
 * says it was recorded, not sent.
 * TODO(sms-adapter): when the adapter lands, wake its sender here after commit.
 */
export async function recordEducationSms(db: Queryable, sms: EducationSms): Promise<{ sendState: 'pending' }> {
  await db.insert(educationMessages).values({
    caseId: sms.caseId,
    phone: sms.phone,
    text: sms.text,
    sendState: 'pending',
    createdBy: sms.createdBy,
    createdAt: sms.at,
  });
  return { sendState: 'pending' };
}
