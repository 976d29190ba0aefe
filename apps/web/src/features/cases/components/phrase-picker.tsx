import { CloseOutlined } from '@ant-design/icons';
import { App, Button, Select, Space } from 'antd';
import { usePhrases } from '../hooks/use-phrases';

/** 习惯语: pick one to append it to the opinion, or save the current opinion as a new one. */
export function PhrasePicker({
  id,
  userId,
  current,
  onPick,
}: {
  id: string;
  userId: number;
  current: string;
  onPick: (phrase: string) => void;
}) {
  const { message } = App.useApp();
  const { phrases, add, remove } = usePhrases(userId);
  return (
    <Space.Compact style={{ width: '100%' }}>
      <Select<string>
        id={id}
        placeholder="选择习惯语填入意见"
        value={null}
        style={{ flex: 1, minWidth: 0 }}
        options={phrases.map((phrase) => ({
          value: phrase,
          label: (
            <span style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
              <span style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>{phrase}</span>
              <CloseOutlined
                aria-label={`删除习惯语：${phrase}`}
                onClick={(event) => {
                  event.stopPropagation();
                  remove(phrase);
                }}
              />
            </span>
          ),
        }))}
        onChange={(phrase) => onPick(phrase)}
        notFoundContent="暂无习惯语"
      />
      <Button
        disabled={!current.trim()}
        onClick={() => {
          if (add(current)) message.success('已存为习惯语');
          else message.info('该习惯语已存在');
        }}
      >
        存为习惯语
      </Button>
    </Space.Compact>
  );
}
