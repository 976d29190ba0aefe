import { CheckCircleFilled, CloseCircleFilled, InfoCircleOutlined } from '@ant-design/icons';
import {
  DEFAULT_PASSWORD_POLICY,
  type PasswordPolicy,
  passwordProblems,
  passwordRuleChecks,
} from '@citygov/domain/auth/password-policy';
import { useQuery } from '@tanstack/react-query';
import { Form, type FormRule, Input } from 'antd';
import type { ReactNode } from 'react';
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

/**
 * 新密码 and 确认新密码 as one pair of form items (admin reset, 修改密码, an expired password at
 * login): the policy's rules beside the first, ticked off as it is typed; the second must match.
 * Place inside the antd Form that owns `name`.
 */
export function NewPasswordFields({
  name,
  username,
  policy,
  typed,
  prefix,
}: {
  name: string;
  username: string;
  policy: PasswordPolicy;
  /** The value typed so far (Form.useWatch(name)), for ticking off the rules. */
  typed: string | undefined;
  prefix?: ReactNode;
}) {
  return (
    <>
      <Form.Item
        label="新密码"
        name={name}
        rules={newPasswordRules(policy, () => username, '请输入新密码')}
        extra={<PasswordRules password={typed} username={username} policy={policy} />}
      >
        <Input.Password prefix={prefix} autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        label="确认新密码"
        name="confirm"
        dependencies={[name]}
        rules={[
          { required: true, message: '请再次输入新密码' },
          ({ getFieldValue }) => ({
            validator: (_rule, value) =>
              !value || getFieldValue(name) === value
                ? Promise.resolve()
                : Promise.reject(new Error('两次输入的密码不一致')),
          }),
        ]}
      >
        <Input.Password prefix={prefix} autoComplete="new-password" />
      </Form.Item>
    </>
  );
}
