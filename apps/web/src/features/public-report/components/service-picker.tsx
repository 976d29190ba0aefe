import { RightOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Drawer, Empty, Input, Spin, Typography } from 'antd';
import { useDeferredValue, useMemo, useState } from 'react';
import type { Service } from '../api/open311-client';
import styles from './public.module.css';

/** What citizens report most, offered as one-tap choices. */
const COMMON = [
  'event-06010',
  'event-06036',
  'event-09006',
  'event-09009',
  'event-06013',
  'event-07001',
  'event-06028',
  'event-01037',
];

function matches(service: Service, q: string): boolean {
  return [service.service_name, service.keywords, service.group, service.description].some((text) => text.includes(q));
}

function grouped(services: readonly Service[]): [string, Service[]][] {
  const groups = new Map<string, Service[]>();
  for (const service of services) {
    const list = groups.get(service.group) ?? [];
    list.push(service);
    groups.set(service.group, list);
  }
  return [...groups];
}

function Option({ service, onPick }: { service: Service; onPick: (s: Service) => void }) {
  return (
    <li>
      <button type="button" className={styles.option} onClick={() => onPick(service)}>
        <span className={styles.optionName}>{service.service_name}</span>
        <span className={styles.optionHint}>{service.description}</span>
      </button>
    </li>
  );
}

interface ServicePickerProps {
  services: readonly Service[] | undefined;
  loading: boolean;
  value: Service | null;
  onChange: (service: Service) => void;
  invalid?: boolean;
  disabled?: boolean;
}

/** 问题类型: a button showing the choice; a bottom sheet with common choices, search and the grouped list. */
export function ServicePicker({
  services,
  loading,
  value,
  onChange,
  invalid = false,
  disabled = false,
}: ServicePickerProps) {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const q = useDeferredValue(query.trim());
  const all = services ?? [];
  const common = useMemo(
    () => COMMON.map((code) => all.find((s) => s.service_code === code)).filter((s): s is Service => Boolean(s)),
    [all],
  );
  const found = useMemo(() => (q ? all.filter((s) => matches(s, q)) : all), [all, q]);
  const pick = (service: Service) => {
    onChange(service);
    setOpen(false);
    setQuery('');
  };

  return (
    <>
      <button
        type="button"
        id="public-service"
        className={`${styles.picker} ${invalid ? styles.pickerInvalid : ''}`}
        aria-haspopup="dialog"
        aria-label={`问题类型：${value ? `${value.service_name}（${value.group}），点击更换` : '未选择，点击选择'}`}
        aria-invalid={invalid}
        onClick={() => setOpen(true)}
        disabled={disabled}
      >
        <span style={{ flex: 1, minWidth: 0 }}>
          {value ? (
            <>
              <span className={styles.optionName}>{value.service_name}</span>
              <span className={styles.optionHint}>{value.group}</span>
            </>
          ) : (
            <span style={{ color: '#595959' }}>请选择问题类型</span>
          )}
        </span>
        <RightOutlined aria-hidden="true" style={{ color: '#8c8c8c' }} />
      </button>
      <Drawer
        title="选择问题类型"
        placement="bottom"
        size="85%"
        open={open}
        onClose={() => setOpen(false)}
        styles={{ body: { paddingTop: 8 } }}
        destroyOnHidden
      >
        <Input
          size="large"
          allowClear
          autoFocus
          aria-label="搜索问题类型"
          placeholder="输入关键词，如：垃圾、占道、井盖、噪声"
          prefix={<SearchOutlined aria-hidden="true" />}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
        {loading ? <Spin description="正在加载问题类型…" style={{ display: 'block', margin: '24px auto' }} /> : null}
        {!q && common.length > 0 ? (
          <>
            <h3 className={styles.groupTitle}>常见问题</h3>
            <div className={styles.chips}>
              {common.map((service) => (
                <Button key={service.service_code} shape="round" onClick={() => pick(service)}>
                  {service.service_name}
                </Button>
              ))}
            </div>
          </>
        ) : null}
        {!loading && found.length === 0 ? (
          <Empty description={`没有找到与「${q}」相关的问题类型，可换个说法，或选择「其他事项类」`} />
        ) : null}
        {q ? (
          <>
            <Typography.Text className={styles.hint}>找到 {found.length} 个相关类型</Typography.Text>
            <ul aria-label="搜索结果" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {found.map((service) => (
                <Option key={service.service_code} service={service} onPick={pick} />
              ))}
            </ul>
          </>
        ) : (
          grouped(found).map(([group, list]) => (
            <div key={group}>
              <h3 className={styles.groupTitle}>{group}</h3>
              <ul aria-label={group} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                {list.map((service) => (
                  <Option key={service.service_code} service={service} onPick={pick} />
                ))}
              </ul>
            </div>
          ))
        )}
      </Drawer>
    </>
  );
}
