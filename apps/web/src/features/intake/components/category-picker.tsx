import { Select, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { type CategoryHit, type CategoryKey, useCategorySearch } from '../api/intake';

const KIND_NAMES = { component: '部件', event: '事件' } as const;

interface HitOption {
  value: string;
  label: string;
  hit: CategoryHit;
}

export function categoryKeyOf(value: string | undefined): CategoryKey | null {
  const [kind, code] = (value ?? '').split(':');
  return (kind === 'component' || kind === 'event') && code ? { kind, code } : null;
}

/**
 * 事部件小类: type a name, a synonym (e.g. 占道经营 for 店外经营) or a code; the value
 * is "kind:code". Reports the chosen category so the form can show its conditions.
 */
export function CategoryPicker({
  id,
  value,
  onChange,
  onCategory,
  current,
}: {
  id?: string;
  value?: string;
  onChange?: (value: string | undefined) => void;
  onCategory: (category: CategoryHit | null) => void;
  /** The chosen category, kept among the options so a value set from outside (建议分类) shows its name. */
  current?: CategoryHit | null;
}) {
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(typed.trim().slice(0, 40)), 250);
    return () => clearTimeout(timer);
  }, [typed]);
  const search = useCategorySearch(q);
  const found = search.data ?? [];
  const hits =
    current && !found.some((h) => h.kind === current.kind && h.code === current.code) ? [current, ...found] : found;

  return (
    <Select<string, HitOption>
      id={id}
      showSearch={{ filterOption: false, onSearch: setTyped }}
      allowClear
      value={value}
      placeholder="输入名称、同义词或编码搜索，如：占道经营、井盖、01001"
      loading={search.isFetching}
      notFoundContent={search.isFetching ? '搜索中…' : '没有匹配的小类'}
      options={hits.map((hit) => ({
        value: `${hit.kind}:${hit.code}`,
        label: `${hit.code} ${hit.name}`,
        hit,
      }))}
      optionRender={(option) => {
        const hit = option.data.hit;
        return (
          <span>
            <Tag color={hit.kind === 'event' ? 'blue' : 'green'}>{KIND_NAMES[hit.kind]}</Tag>
            {hit.code} {hit.name}
            {hit.synonyms.length > 0 ? (
              <span style={{ color: '#595959', marginLeft: 8 }}>（{hit.synonyms.slice(0, 3).join('、')}）</span>
            ) : null}
          </span>
        );
      }}
      onChange={(next, option) => {
        onChange?.(next);
        const picked = Array.isArray(option) ? undefined : option?.hit;
        onCategory(picked ?? null);
        setTyped('');
      }}
    />
  );
}
