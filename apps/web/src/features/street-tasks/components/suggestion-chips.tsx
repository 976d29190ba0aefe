import { Button } from 'antd';
import { formatScore } from '../../../lib/intake-assist/duplicate-format';
import type { CategorySuggestion } from '../../../lib/intake-assist/intake-assist-api';
import type { ChosenCategory } from './category-picker';
import styles from './phone.module.css';

/** 建议分类 under the description: tap a chip to choose that category. */
export function SuggestionChips({
  suggestions,
  value,
  onPick,
  disabled = false,
}: {
  suggestions: CategorySuggestion[];
  value: ChosenCategory | null;
  onPick: (category: ChosenCategory) => void;
  disabled?: boolean;
}) {
  // The chosen category is already on the picker button; only the alternatives are offered.
  const offered = suggestions.filter((s) => !(value?.kind === s.kind && value.code === s.code));
  if (offered.length === 0) return null;
  return (
    <section aria-label="建议分类" style={{ marginTop: 10 }}>
      <span className={styles.hint}>{value ? '建议分类（点击改选）' : '建议分类（点击选择）'}</span>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginTop: 6 }}>
        {offered.map((s) => {
          return (
            <Button
              key={`${s.kind}:${s.code}`}
              shape="round"
              aria-label={`选择建议分类 ${s.name}，置信度 ${formatScore(s.score)}`}
              disabled={disabled}
              onClick={() => onPick({ kind: s.kind, code: s.code, name: s.name })}
              style={{ height: 40 }}
            >
              {s.name} {formatScore(s.score)}
            </Button>
          );
        })}
      </div>
    </section>
  );
}
