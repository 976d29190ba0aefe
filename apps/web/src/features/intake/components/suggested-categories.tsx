import { Button, Space, Typography } from 'antd';
import { formatScore } from '../../../lib/intake-assist/duplicate-format';
import type { CategorySuggestion } from '../../../lib/intake-assist/intake-assist-api';

/**
 * 建议分类: the model's three best categories for the description, as clickable tags with
 * their calibrated confidence (置信度: about how often a suggestion this sure is right).
 */
export function SuggestedCategories({
  suggestions,
  selected,
  onPick,
}: {
  suggestions: CategorySuggestion[];
  /** "kind:code" of the category chosen now, to mark its tag. */
  selected?: string | undefined;
  onPick: (suggestion: CategorySuggestion) => void;
}) {
  if (suggestions.length === 0) return null;
  return (
    <section aria-label="建议分类" style={{ marginTop: -12, marginBottom: 16 }}>
      <Space size={[4, 4]} wrap>
        <Typography.Text type="secondary">建议分类：</Typography.Text>
        {suggestions.map((s) => {
          const value = `${s.kind}:${s.code}`;
          const active = value === selected;
          return (
            <Button
              key={value}
              size="small"
              shape="round"
              type={active ? 'primary' : 'default'}
              aria-pressed={active}
              onClick={() => onPick(s)}
              aria-label={`选择建议分类 ${s.name}（${s.code}），置信度 ${formatScore(s.score)}`}
            >
              {s.name} {formatScore(s.score)}
            </Button>
          );
        })}
      </Space>
    </section>
  );
}
