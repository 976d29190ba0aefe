import { MOBILE_PHONE } from '@citygov/domain/messaging/sms';
import type { TZlbUser } from './schemas';

/** What the public pages may prefill from a 浙里办 user: a name and a mobile number, nothing else. */
export function citizenOf(user: TZlbUser): { externalUserId: string; name: string; phone: string | null } {
  const phone = user.mobile?.replace(/\s/g, '') ?? '';
  return {
    externalUserId: user.userId,
    name: (user.userName ?? '').trim().slice(0, 40),
    phone: MOBILE_PHONE.test(phone) ? phone : null,
  };
}
