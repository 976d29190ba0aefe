import { Col, Form, Input, Row, Select, TreeSelect } from 'antd';
import { areaTreeOptions, departmentTreeOptions } from '../../../lib/tree-options';
import { newPasswordRules, PasswordRules, usePasswordPolicy } from '../../../lib/ui/password-rules';
import { useUserFormOptions } from '../api/users';
import { roleOptions } from '../role-options';

/**
 * The fields of the user form; username and password only when creating. Editing shows
 * the phone masked as a hint and leaves it unchanged unless a new number is typed.
 */
export function UserFormFields({
  creating,
  canAssignAdmin,
  maskedPhone,
}: {
  creating: boolean;
  canAssignAdmin: boolean;
  maskedPhone?: string | null;
}) {
  const { areas, departments } = useUserFormOptions();
  const policy = usePasswordPolicy();
  const form = Form.useFormInstance();
  const username: string = Form.useWatch('username', form) ?? '';
  const password: string | undefined = Form.useWatch('password', form);
  return (
    <Row gutter={16}>
      <Col xs={24} sm={12}>
        <Form.Item
          label="用户名"
          name="username"
          rules={[
            { required: true, whitespace: true, message: '请输入用户名' },
            { min: 3, max: 40, message: '用户名为 3–40 位' },
            { pattern: /^[A-Za-z0-9._-]+$/, message: '用户名只能包含字母、数字、点、下划线和连字符' },
          ]}
        >
          <Input disabled={!creating} autoComplete="off" />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item
          label="姓名"
          name="displayName"
          rules={[{ required: true, whitespace: true, min: 2, max: 30, message: '姓名为 2–30 个字' }]}
        >
          <Input autoComplete="off" />
        </Form.Item>
      </Col>
      {creating ? (
        <Col xs={24} sm={12}>
          <Form.Item
            label="初始密码"
            name="password"
            dependencies={['username']}
            rules={newPasswordRules(policy, () => username, '请输入初始密码')}
            extra={<PasswordRules password={password} username={username} policy={policy} />}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </Col>
      ) : null}
      <Col xs={24} sm={12}>
        <Form.Item label="角色" name="role" rules={[{ required: true, message: '请选择角色' }]}>
          <Select options={roleOptions(canAssignAdmin)} placeholder="请选择角色" />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item label="所属区域" name="areaId" rules={[{ required: true, message: '请选择所属区域' }]}>
          <TreeSelect
            treeData={areaTreeOptions(areas.data ?? [])}
            loading={areas.isPending}
            showSearch={{ treeNodeFilterProp: 'title' }}
            placeholder="请选择所属区域"
            listHeight={320}
          />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item label="所属部门" name="departmentId">
          <TreeSelect
            treeData={departmentTreeOptions(departments.data ?? [])}
            loading={departments.isPending}
            allowClear
            treeDefaultExpandAll
            showSearch={{ treeNodeFilterProp: 'title' }}
            placeholder="无"
            listHeight={320}
          />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item label="岗位" name="position" rules={[{ max: 40, message: '岗位最多 40 个字' }]}>
          <Input autoComplete="off" />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item
          label="手机号"
          name="phone"
          rules={[{ pattern: /^1\d{10}$/, message: '手机号须为 11 位数字' }]}
          extra={maskedPhone ? `当前：${maskedPhone}，留空则不修改` : undefined}
        >
          <Input autoComplete="off" placeholder={maskedPhone ? '留空则不修改' : undefined} />
        </Form.Item>
      </Col>
    </Row>
  );
}
