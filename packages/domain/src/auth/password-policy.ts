/**
 * Password rules for staff accounts (等保 2.0 第三级 / MLPS level 3): length, character
 * classes, not the username, not a well-known weak password, not a recent one, and an
 * optional maximum age. The server applies them on every path that sets a password; the
 * web forms show the same rules (and check them) before anything is sent.
 */
export interface PasswordPolicy {
  minLength: number;
  maxLength: number;
  /** How many of the four classes (upper, lower, digit, symbol) a password must mix. */
  minClasses: number;
  /** A new password may not equal any of this many most recent ones (the current one included). */
  historySize: number;
  /** Days after which a password must be changed at the next login; 0 turns expiry off. */
  maxAgeDays: number;
}

export const DEFAULT_PASSWORD_POLICY: PasswordPolicy = {
  minLength: 8,
  maxLength: 64,
  minClasses: 3,
  historySize: 5,
  maxAgeDays: 0,
};

/**
 * Weak passwords that still satisfy length and class rules: the keyboard walks, "Aa" and
 * "Abc" prefixes, year and "@123" suffixes people reach for when a system demands three
 * character classes. Compared case-insensitively.
 */
export const COMMON_WEAK_PASSWORDS: readonly string[] = [
  'password1',
  'password12',
  'password123',
  'password@1',
  'password@123',
  'p@ssw0rd',
  'p@ssword1',
  'p@ssw0rd1',
  'p@ssw0rd123',
  'passw0rd',
  'passw0rd!',
  'aa123456',
  'aa1234567',
  'aa12345678',
  'aa123456!',
  'aa123456@',
  'aa@123456',
  'aa@12345',
  'aaa12345',
  'abc12345',
  'abc123456',
  'abc@1234',
  'abc@12345',
  'abc@123456',
  'abc#1234',
  'abc!1234',
  'abcd1234',
  'abcd@1234',
  'abcd!1234',
  'abcd#1234',
  'abcd12345',
  'a1234567',
  'a12345678',
  'a123456789',
  'a1b2c3d4',
  'a1b2c3d4e5',
  'qwer1234',
  'qwer@1234',
  'qwert123',
  'qwerty123',
  'qwerty1!',
  'qwe123456',
  'qwe@1234',
  'qwe!@#123',
  '1qaz2wsx',
  '1qaz@wsx',
  '1qaz!qaz',
  '1qaz2wsx3edc',
  '1qaz@wsx3edc',
  '1qaz2wsx#edc',
  'zaq12wsx',
  'zaq1@wsx',
  'asdf1234',
  'asdf@1234',
  'zxcv1234',
  'zxcv@1234',
  'welcome1',
  'welcome@1',
  'welcome123',
  'admin123',
  'admin1234',
  'admin@123',
  'admin@1234',
  'admin@12345',
  'admin123!',
  'root@123',
  'root1234',
  'test1234',
  'test@123',
  'test@1234',
  'test12345',
  'changeme1',
  'letmein1',
  'iloveyou1',
  'woaini1314',
  'woaini@1314',
  'woaini520',
  'a5201314',
  'huawei@123',
  'huawei123',
  'huawei@1234',
  'sysadmin1',
  'system123',
  'system@123',
  'user@1234',
  'p@ss1234',
  'pass@1234',
  'pass@word1',
  'citygov1',
  'citygov123',
  'citygov@123',
  '12345678a',
  '123456789a',
  '12345qwert',
  '123qwe!@#',
  '123qweasd',
  '1q2w3e4r',
  '1q2w3e4r5t',
  '1q2w3e4r!',
  '1q2w3e4r@',
];

const WEAK = new Set(COMMON_WEAK_PASSWORDS);

/** Which of the four classes a password draws from. */
export function characterClasses(password: string): number {
  let classes = 0;
  if (/[A-Z]/.test(password)) classes++;
  if (/[a-z]/.test(password)) classes++;
  if (/\d/.test(password)) classes++;
  if (/[^A-Za-z\d]/.test(password)) classes++;
  return classes;
}

export interface PasswordRuleCheck {
  text: string;
  /** Whether the candidate meets the rule; null where only the server can tell (recent passwords, expiry). */
  met: boolean | null;
}

/** The rules in words, each checked against a candidate, as the forms show them while one is typed. */
export function passwordRuleChecks(password: string, username: string, policy: PasswordPolicy): PasswordRuleCheck[] {
  const length = [...password].length;
  const name = username.trim().toLowerCase();
  const rules: PasswordRuleCheck[] = [
    {
      text: `长度 ${policy.minLength}–${policy.maxLength} 位`,
      met: length >= policy.minLength && length <= policy.maxLength,
    },
    {
      text: `至少包含大写字母、小写字母、数字、特殊符号中的 ${policy.minClasses} 类`,
      met: characterClasses(password) >= policy.minClasses,
    },
    { text: '不能包含用户名', met: password.length > 0 && !(name.length > 0 && password.toLowerCase().includes(name)) },
    {
      text: '不能是常见弱密码（如 Aa123456、Abc@1234）',
      met: password.length > 0 && !WEAK.has(password.toLowerCase()),
    },
  ];
  if (policy.historySize > 0) rules.push({ text: `不能与最近 ${policy.historySize} 次使用过的密码相同`, met: null });
  if (policy.maxAgeDays > 0) rules.push({ text: `每 ${policy.maxAgeDays} 天须修改一次`, met: null });
  return rules;
}

/** The rules in words. */
export function passwordRuleTexts(policy: PasswordPolicy): string[] {
  return passwordRuleChecks('', '', policy).map((rule) => rule.text);
}

/**
 * What is wrong with a candidate password, in Chinese, first problem first; empty when it
 * passes. Reuse of a recent password needs the stored hashes and is checked by the server.
 */
export function passwordProblems(password: string, username: string, policy: PasswordPolicy): string[] {
  const problems: string[] = [];
  const length = [...password].length;
  if (length < policy.minLength) problems.push(`密码至少 ${policy.minLength} 位`);
  if (length > policy.maxLength) problems.push(`密码最多 ${policy.maxLength} 位`);
  if (characterClasses(password) < policy.minClasses) {
    problems.push(`密码须至少包含大写字母、小写字母、数字、特殊符号中的 ${policy.minClasses} 类`);
  }
  const name = username.trim().toLowerCase();
  if (name.length > 0 && password.toLowerCase().includes(name)) problems.push('密码不能包含用户名');
  if (WEAK.has(password.toLowerCase())) problems.push('密码过于常见，容易被猜中，请换一个');
  return problems;
}

const DAY_MS = 86_400_000;

/** Whether a password set at `changedAt` must be changed before the holder may sign in. */
export function isPasswordExpired(changedAt: Date, now: Date, policy: PasswordPolicy): boolean {
  if (policy.maxAgeDays <= 0) return false;
  return now.getTime() - changedAt.getTime() >= policy.maxAgeDays * DAY_MS;
}
