import { CheckCircleFilled, CloseCircleFilled, InfoCircleOutlined } from '@ant-design/icons';
import {
  DEFAULT_PASSWORD_POLICY,
  type PasswordPolicy,
  passwordProblems,
  passwordRuleChecks,
} from '@citygov/domain/auth/password-policy';
import { useQuery } from '@tanstack/react-query';
import type { FormRule } from 'antd';
import { useTRPC } from '../trpc';

/** The password rules in force on the server (its settings), the defaults until they arrive. */
export function usePasswordPolicy(): PasswordPolicy {
  const trpc = useTRPC();
  const policy = useQuery(trpc.auth.passwordPolicy.queryOptions(undefined, { staleTime: Number.POSITIVE_INFINITY }));
  return policy.data ?? DEFAULT_PASSWORD_POLICY;
}

/** Form rules for a new password field: required, then the policy (the server checks again). */
export function newPasswordRules(policy: PasswordPolicy, username: () => string, requiredMessage: string): FormRule[] {
  return [
    { required: true, message: requiredMessage },
    {
      validator: (_rule, value: unknown) => {
        if (typeof value !== 'string' || value === '') return Promise.resolve();
        const problems = passwordProblems(value, username(), policy);
        return problems.length > 0 ? Promise.reject(new Error(problems.join('；'))) : Promise.resolve();
      },
    },
  ];
}

// The state is said in words too (for screen readers), not by colour alone.
const ICON = {
  met: <CheckCircleFilled role="img" aria-label="已满足" style={{ color: '#389e0d' }} />,
  unmet: <CloseCircleFilled role="img" aria-label="未满足" style={{ color: '#bfbfbf' }} />,
  server: <InfoCircleOutlined role="img" aria-label="提交时检查" style={{ color: '#8c8c8c' }} />,
};

/** The rules shown beside a new password field before submission, ticked off while it is typed. */
export function PasswordRules({
  password,
  username,
  policy,
}: {
  password: string | undefined;
  username: string;
  policy: PasswordPolicy;
}) {
  const checks = passwordRuleChecks(password ?? '', username, policy);
  return (
    <ul aria-label="密码要求" style={{ listStyle: 'none', margin: '4px 0 0', padding: 0, fontSize: 13 }}>
      {checks.map((rule) => {
        const state = rule.met === null ? 'server' : rule.met ? 'met' : 'unmet';
        return (
          <li key={rule.text} data-state={state} style={{ display: 'flex', gap: 6, lineHeight: '22px' }}>
            {ICON[state]}
            <span>{rule.text}</span>
          </li>
        );
      })}
    </ul>
  );
}
