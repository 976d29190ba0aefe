/**
 * Personal data shown masked by default (等保 / PIPL): a phone number keeps its first
 * three and last four digits, so a caller can still recognise it. The full value is only
 * sent to holders of `personal.view`, through a procedure that logs the view.
 */
export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return null;
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 7) return '*'.repeat(Math.max(3, phone.length));
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}

/** A person's name masked to its first character (张**), for lists seen by people who need no names. */
export function maskName(name: string | null | undefined): string | null {
  if (!name) return null;
  const chars = [...name];
  return `${chars[0]}${'*'.repeat(Math.max(1, chars.length - 1))}`;
}
