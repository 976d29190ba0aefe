import { theme } from 'antd';
import { describe, expect, it } from 'vitest';
import { appTheme } from './theme';

/** WCAG 2.x contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r = 0, g = 0, bl = 0] = [1, 3, 5].map((i) => {
      const s = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const PRESETS = [
  'red',
  'volcano',
  'orange',
  'gold',
  'yellow',
  'lime',
  'green',
  'cyan',
  'blue',
  'geekblue',
  'purple',
  'magenta',
] as const;
const STATUSES = ['Success', 'Info', 'Error', 'Warning'] as const;

/**
 * Coloured tags (case status, 剩余时间, marks) are small text: antd writes a preset tag in
 * the colour's 7th shade on its 1st, and a status tag in colorX on colorXBg. Lists show
 * whichever statuses their cases are in, so every colour is checked here, not only the
 * ones a browser test happens to see.
 */
describe('the theme’s coloured tags', () => {
  const token = theme.getDesignToken(appTheme) as unknown as Record<string, string>;
  const tag = (appTheme.components?.Tag ?? {}) as Record<string, string>;
  const colour = (key: string) => tag[key] ?? token[key] ?? '';

  it.each(PRESETS)('%s tags reach 4.5:1', (preset) => {
    expect(contrast(colour(`${preset}7`), token[`${preset}1`] ?? '')).toBeGreaterThanOrEqual(4.5);
  });

  it.each(STATUSES)('%s status tags reach 4.5:1', (status) => {
    expect(contrast(colour(`color${status}`), token[`color${status}Bg`] ?? '')).toBeGreaterThanOrEqual(4.5);
  });
});
