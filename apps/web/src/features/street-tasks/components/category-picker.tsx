import { RightOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Drawer, Empty, Input, Segmented, Spin, Typography } from 'antd';
import { useDeferredValue, useId, useState } from 'react';
import { apiErrorMessage } from '../../../lib/api-error';
import { useCategorySearch } from '../api/street-cases';
import styles from './phone.module.css';

export type CategoryKind = 'event' | 'component';

export interface ChosenCategory {
  kind: CategoryKind;
  code: string;
  name: string;
}

const KIND_NAMES: Record<CategoryKind, string> = { event: '事件', component: '部件' };

/** The list inside the drawer: one kind, filtered by name, synonym or code. */
function CategoryResults({
  kind,
  q,
  onPick,
}: {
  kind: CategoryKind;
  q: string;
  onPick: (category: ChosenCategory) => void;
}) {
  const results = useCategorySearch(kind, q);
  if (results.isPending) return <Spin description="正在加载分类…" style={{ display: 'block', margin: '24px auto' }} />;
  if (results.isError) return <Typography.Text type="danger">{apiErrorMessage(results.error)}</Typography.Text>;
  if (results.data.length === 0) return <Empty description={`没有找到与「${q}」相关的${KIND_NAMES[kind]}分类`} />;
  return (
    <ul aria-label={`${KIND_NAMES[kind]}分类列表`} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {results.data.map((row) => (
        <li key={`${row.kind}-${row.code}`}>
          <button
            type="button"
            onClick={() => onPick({ kind: row.kind, code: row.code, name: row.name })}
            style={{
              width: '100%',
              minHeight: 52,
              display: 'flex',
              alignItems: 'center',
              gap: 8,
              padding: '8px 4px',
              border: 'none',
              borderBottom: '1px solid #f0f0f0',
              background: 'none',
              textAlign: 'left',
              cursor: 'pointer',
              font: 'inherit',
            }}
          >
            <span style={{ flex: 1, minWidth: 0 }}>
              <span style={{ fontSize: 16 }}>{row.name}</span>
              {row.synonyms.length > 0 ? (
                <span className={styles.hint} style={{ display: 'block' }}>
                  又称：{row.synonyms.slice(0, 4).join('、')}
                </span>
              ) : null}
            </span>
            <span className={styles.hint}>{row.code}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}

/** 问题分类: a button showing the choice, opening a bottom sheet with 事件/部件 tabs and search. */
export function CategoryPicker({
  value,
  onChange,
  error,
  disabled = false,
}: {
  value: ChosenCategory | null;
  onChange: (category: ChosenCategory) => void;
  error?: string | null;
  disabled?: boolean;
}) {
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<CategoryKind>(value?.kind ?? 'event');
  const [q, setQ] = useState('');
  const deferredQ = useDeferredValue(q);
  const searchId = useId();

  return (
    <>
      <Button
        size="large"
        block
        disabled={disabled}
        onClick={() => setOpen(true)}
        style={{ height: 52, display: 'flex', justifyContent: 'space-between', textAlign: 'left' }}
        danger={Boolean(error)}
      >
        <span style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>
          {value ? (
            <>
              <Typography.Text type="secondary">{KIND_NAMES[value.kind]} · </Typography.Text>
              {value.name}
              <Typography.Text type="secondary"> （{value.code}）</Typography.Text>
            </>
          ) : (
            <Typography.Text type="secondary">请选择问题分类</Typography.Text>
          )}
        </span>
        <RightOutlined aria-hidden="true" />
      </Button>
      {error ? <Typography.Text type="danger">{error}</Typography.Text> : null}
      <Drawer
        title="选择问题分类"
        placement="bottom"
        size="85%"
        open={open}
        onClose={() => setOpen(false)}
        styles={{ body: { paddingTop: 8 } }}
      >
        <Segmented<CategoryKind>
          block
          size="large"
          value={kind}
          onChange={setKind}
          options={[
            { value: 'event', label: '事件' },
            { value: 'component', label: '部件' },
          ]}
          aria-label="分类类型"
        />
        <label htmlFor={searchId} className={styles.visuallyHidden}>
          搜索分类
        </label>
        <Input
          id={searchId}
          size="large"
          allowClear
          prefix={<SearchOutlined aria-hidden="true" />}
          placeholder="输入名称或别名，如：井盖、占道、垃圾"
          value={q}
          onChange={(event) => setQ(event.target.value)}
          style={{ margin: '12px 0' }}
        />
        <CategoryResults
          kind={kind}
          q={deferredQ}
          onPick={(category) => {
            onChange(category);
            setOpen(false);
          }}
        />
      </Drawer>
    </>
  );
}
