import { App, Button, Form, Input, Radio } from 'antd';
import { apiErrorMessage } from '../../../lib/api-error';
import { type SampleDetail, useMarkSample } from '../api/cross-check';

interface MarkValues {
  mark: 'typical' | 'error' | 'none';
  note: string;
}

/** 典型案例 / 错误案例: keeps a reviewed sample in the library as an example. */
export function MarkForm({ sample }: { sample: SampleDetail['sample'] }) {
  const mark = useMarkSample();
  const { message } = App.useApp();
  return (
    <Form<MarkValues>
      layout="vertical"
      aria-label="案例标记"
      initialValues={{ mark: sample.mark ?? 'none', note: sample.markNote ?? '' }}
      onFinish={(values) =>
        mark.mutate(
          { id: sample.id, mark: values.mark === 'none' ? null : values.mark, note: values.note },
          {
            onSuccess: () => message.success(values.mark === 'none' ? '已取消标记' : '已加入案例库'),
            onError: (e) => message.error(apiErrorMessage(e)),
          },
        )
      }
    >
      <Form.Item name="mark" label="案例标记">
        <Radio.Group
          aria-label="案例标记"
          options={[
            { value: 'none', label: '不标记' },
            { value: 'typical', label: '典型案例' },
            { value: 'error', label: '错误案例' },
          ]}
        />
      </Form.Item>
      <Form.Item name="note" label="案例说明">
        <Input.TextArea aria-label="案例说明" rows={2} maxLength={500} />
      </Form.Item>
      <Button htmlType="submit" loading={mark.isPending} block>
        保存标记
      </Button>
    </Form>
  );
}
