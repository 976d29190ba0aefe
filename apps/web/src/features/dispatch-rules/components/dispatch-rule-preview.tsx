import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Col, Form, Radio, Row, Space, TreeSelect, Typography } from 'antd';
import { useMemo } from 'react';
import { apiErrorMessage } from '../../../lib/api-error';
import { areaTreeOptions } from '../../../lib/tree-options';
import {
  type DispatchRuleOptions,
  type PreviewInput,
  type PreviewResult,
  useDispatchRulePreview,
  useRuleCatalogue,
} from '../api/dispatch-rules';
import type { RuleDraft } from '../rule-form-values';
import { modeLabel, type RuleKind, type RuleUrgency } from '../rule-labels';
import { CategoryFields } from './category-fields';

interface PreviewValues {
  kind?: RuleKind;
  majorCode?: string;
  categoryCode?: string;
  areaId?: number;
  urgency: RuleUrgency;
}

function previewInput(values: Partial<PreviewValues> | undefined): PreviewInput | null {
  if (!values?.kind || !(values.majorCode || values.categoryCode)) return null;
  return {
    kind: values.kind,
    urgency: values.urgency ?? 'normal',
    ...(values.majorCode ? { majorCode: values.majorCode } : {}),
    ...(values.categoryCode ? { categoryCode: values.categoryCode } : {}),
    ...(values.areaId ? { areaId: values.areaId } : {}),
  };
}

/** 规则预览: "a case here of this category would go to …", and the rules it beat. */
export function DispatchRulePreview({
  options,
  ownAreaName,
  onDraft,
}: {
  options: DispatchRuleOptions | undefined;
  ownAreaName: string;
  onDraft: (draft: RuleDraft) => void;
}) {
  const [form] = Form.useForm<PreviewValues>();
  const values = Form.useWatch([], form);
  const input = previewInput(values);
  const preview = useDispatchRulePreview(input);
  const catalogue = useRuleCatalogue();
  const areaTree = useMemo(() => areaTreeOptions(options?.areas ?? []), [options?.areas]);

  return (
    <section aria-label="规则预览">
      <Form<PreviewValues> form={form} name="dispatch-preview" layout="vertical" initialValues={{ urgency: 'normal' }}>
        <Row gutter={16}>
          <CategoryFields catalogue={catalogue} kindRequired anyLabel="请选择" span={5} />
          <Col xs={24} md={5}>
            <Form.Item label="区域" name="areaId">
              <TreeSelect
                treeData={areaTree}
                allowClear
                showSearch={{ treeNodeFilterProp: 'title' }}
                treeDefaultExpandedKeys={areaTree.map((node) => node.value)}
                placeholder={ownAreaName}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={4}>
            <Form.Item label="紧急程度" name="urgency">
              <Radio.Group
                optionType="button"
                options={[
                  { value: 'normal', label: '一般' },
                  { value: 'urgent', label: '紧急' },
                ]}
              />
            </Form.Item>
          </Col>
        </Row>
      </Form>
      <PreviewOutcome
        ready={input !== null}
        result={preview.data}
        error={preview.isError ? apiErrorMessage(preview.error) : null}
      />
      {input ? (
        <Button
          style={{ marginTop: 12 }}
          icon={<PlusOutlined aria-hidden />}
          onClick={() =>
            onDraft({
              kind: input.kind,
              majorCode: values?.majorCode,
              categoryCode: values?.categoryCode,
              areaId: values?.areaId,
              urgency: input.urgency,
            })
          }
        >
          按此条件新建规则
        </Button>
      ) : null}
    </section>
  );
}

function PreviewOutcome({
  ready,
  result,
  error,
}: {
  ready: boolean;
  result: PreviewResult | undefined;
  error: string | null;
}) {
  if (!ready)
    return <Typography.Text type="secondary">选择部件/事件和大类（或小类）后，显示此类案件的派遣去向</Typography.Text>;
  if (error) return <Alert type="error" showIcon title={error} />;
  if (!result) return null;
  return (
    <div role="status" aria-label="派遣去向">
      <Space direction="vertical" size={8} style={{ width: '100%' }}>
        <Alert
          type={result.applied ? (result.applied.automatic ? 'success' : 'info') : 'warning'}
          showIcon
          title={result.summary}
          description={`预览位置：${result.place} · 类别：${result.category}`}
        />
        {result.others.length > 0 ? (
          <div>
            <Typography.Text type="secondary">同样匹配但未生效的规则（按优先顺序）：</Typography.Text>
            <ol style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
              {result.others.map((rule) => (
                <li key={rule.id}>
                  规则「{rule.name}」→ {rule.leadDepartmentName}（主办）· {modeLabel(rule.automatic)} · 优先级{' '}
                  {rule.priority}
                </li>
              ))}
            </ol>
          </div>
        ) : null}
      </Space>
    </div>
  );
}
