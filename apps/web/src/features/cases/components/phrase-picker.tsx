import { CloseOutlined } from '@ant-design/icons';
import { App, Button, Select, Space } from 'antd';
import { apiErrorMessage } from '../../../lib/api-error';
import { usePhrases } from '../api/phrases';

/** 习惯语: pick one to append it to the opinion, or save the current opinion as a new one. */
export function PhrasePicker({
  id,
  current,
  onPick,
}: {
  id: string;
  current: string;
  onPick: (phrase: string) => void;
}) {
  const { message } = App.useApp();
  const { phrases, loading, add, remove } = usePhrases();
  const text = current.trim();
  const save = () => {
    if (phrases.some((p) => p.text === text)) {
      message.info('该习惯语已存在');
      return;
    }
    add.mutate(
      { text },
      {
        onSuccess: () => message.success('已存为习惯语'),
        onError: (error) => message.error(apiErrorMessage(error)),
      },
    );
  };
  return (
    <Space.Compact style={{ width: '100%' }}>
      <Select<string>
        id={id}
        placeholder={phrases.length > 0 ? '选择习惯语填入意见' : '暂无习惯语，可将常用意见存为习惯语'}
        value={null}
        loading={loading}
        style={{ flex: 1, minWidth: 0 }}
        options={phrases.map((phrase) => ({
          value: phrase.text,
          label: (
            <span style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
              <span style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>{phrase.text}</span>
              <CloseOutlined
                aria-label={`删除习惯语：${phrase.text}`}
                onClick={(event) => {
                  event.stopPropagation();
                  remove.mutate({ id: phrase.id }, { onError: (error) => message.error(apiErrorMessage(error)) });
                }}
              />
            </span>
          ),
        }))}
        onChange={(phrase) => onPick(phrase)}
        notFoundContent="暂无习惯语"
      />
      <Button disabled={text.length < 2} loading={add.isPending} onClick={save}>
        存为习惯语
      </Button>
    </Space.Compact>
  );
}
