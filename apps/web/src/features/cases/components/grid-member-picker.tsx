import { Card, Form, Radio, Space, Tag, Typography } from 'antd';
import type { GridMemberOption } from '../api/dispatch-tools';

/** 0 is "暂不指定": a radio group cannot be cleared otherwise (the form sends no member for it). */
export const NO_GRID_MEMBER = 0;

/**
 * 网格责任人: the street chiefs and collectors covering the case's grid, the most local
 * first; the one chosen is named on the case (`gridMemberId`).
 */
export function GridMemberPicker({ members }: { members: readonly GridMemberOption[] }) {
  return (
    <Card size="small" title="网格责任人">
      {members.length === 0 ? (
        <Typography.Text type="secondary">该网格暂无街长或监督员。</Typography.Text>
      ) : (
        <Form.Item name="gridMemberId" noStyle>
          <Radio.Group aria-label="网格责任人" style={{ width: '100%' }}>
            <Space orientation="vertical" size={6} style={{ width: '100%' }}>
              {members.map((m) => (
                <Radio key={m.id} value={m.id}>
                  <Space size={6} wrap>
                    <Typography.Text strong>{m.displayName}</Typography.Text>
                    <Tag color={m.role === 'street_chief' ? 'geekblue' : 'cyan'}>{m.roleName}</Tag>
                    <Typography.Text type="secondary">
                      {m.areaName}
                      {m.phone ? ` · ${m.phone}` : ''}
                    </Typography.Text>
                  </Space>
                </Radio>
              ))}
              <Radio value={NO_GRID_MEMBER}>
                <Typography.Text type="secondary">暂不指定</Typography.Text>
              </Radio>
            </Space>
          </Radio.Group>
        </Form.Item>
      )}
    </Card>
  );
}
