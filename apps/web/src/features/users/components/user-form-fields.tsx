import { Col, Form, Input, Row, Select, TreeSelect } from 'antd';
import { areaTreeOptions, departmentTreeOptions } from '../../../lib/tree-options';
import { useUserFormOptions } from '../api/users';
import { roleOptions } from '../role-options';

const PASSWORD_RULES = [
  { required: true, message: '请输入初始密码' },
  { min: 8, max: 64, message: '密码为 8–64 位' },
  { pattern: /[A-Za-z]/, message: '密码须包含字母' },
  { pattern: /\d/, message: '密码须包含数字' },
];

/** The fields of the user form; username and password only when creating. */
export function UserFormFields({ creating, canAssignAdmin }: { creating: boolean; canAssignAdmin: boolean }) {
  const { areas, departments } = useUserFormOptions();
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
          <Form.Item label="初始密码" name="password" rules={PASSWORD_RULES} extra="至少 8 位，须包含字母和数字">
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
        <Form.Item label="手机号" name="phone" rules={[{ pattern: /^1\d{10}$/, message: '手机号须为 11 位数字' }]}>
          <Input autoComplete="off" />
        </Form.Item>
      </Col>
    </Row>
  );
}
