import { Button, Card, Space, Tag, Typography } from 'antd';
import type { RuleSuggestion as Rule } from '../api/dispatch-tools';

/** 规则建议: the dispatch rule that matches the case, and 采用 to fill the departments with it. */
export function RuleSuggestion({ rule, onAdopt }: { rule: Rule | null; onAdopt: (rule: Rule) => void }) {
  return (
    <Card
      size="small"
      title="规则建议"
      extra={
        rule ? (
          <Button size="small" type="primary" ghost onClick={() => onAdopt(rule)}>
            采用
          </Button>
        ) : null
      }
    >
      {rule ? (
        <Space orientation="vertical" size={2}>
          <Space size={6} wrap>
            <Typography.Text strong>{rule.name}</Typography.Text>
            {rule.automatic ? <Tag color="blue">自动派遣规则</Tag> : <Tag>人工确认</Tag>}
          </Space>
          <Typography.Text>主办：{rule.lead.name}</Typography.Text>
          <Typography.Text type={rule.assisting.length > 0 ? undefined : 'secondary'}>
            协办：{rule.assisting.map((d) => d.name).join('、') || '无'}
          </Typography.Text>
        </Space>
      ) : (
        <Typography.Text type="secondary">没有匹配本案的派遣规则，请按经验选择部门。</Typography.Text>
      )}
    </Card>
  );
}
