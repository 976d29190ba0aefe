/**
 * Characters no field of ours accepts (ASVS V5): they cannot be stored (NUL, lone
 * surrogates), or they change what a person sees without being seen themselves —
 * terminal escapes (ESC starts an ANSI sequence), other C0/C1 controls, and the bidi
 * overrides and isolates that make "gpj.exe" read as "exe.jpg" (U+202E). Tab, line
 * feed and carriage return stay allowed in free text; single-line fields refuse them
 * separately (SINGLE_LINE).
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this regex's purpose.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const BIDI = /[\u202A-\u202E\u2066-\u2069]/;
// Without the u flag a regex sees UTF-16 code units, which is what a lone surrogate is.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Names, codes, usernames, addresses: one line, no tabs. */
export const SINGLE_LINE = /^[^\t\n\r\u2028\u2029]*$/u;

/** Why a text may not be accepted (Chinese, shown to the user), or null when it is fine. */
export function unsafeTextReason(text: string): string | null {
  if (text.includes('\u0000')) return '包含空字符（NUL），请删除后重试';
  if (LONE_SURROGATE.test(text)) return '包含无效的 Unicode 字符（孤立代理项），请重新输入';
  if (CONTROL.test(text)) return '包含不可见的控制字符（如终端转义符），请删除后重试';
  if (BIDI.test(text)) return '包含文字方向控制符（如 U+202E），请删除后重试';
  return null;
}

const UNSAFE_ANYWHERE = new RegExp(`${CONTROL.source}|${BIDI.source}|${LONE_SURROGATE.source}`, 'g');

/** The text with every unsafe character replaced by U+FFFD, so it can be logged and shown as-is. */
export function sanitizeText(text: string): string {
  return text.replace(UNSAFE_ANYWHERE, '\uFFFD');
}
