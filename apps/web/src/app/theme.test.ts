import { theme } from 'antd';
import { describe, expect, it } from 'vitest';
import { contrastRatio, hexRgb } from '../testing/contrast';
import { appTheme } from './theme';

/** WCAG 2.x contrast ratio of two #rrggbb colours. */
const contrast = (a: string, b: string) => contrastRatio(hexRgb(a), hexRgb(b));

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

describe('motion', () => {
  it('is off, so a dialog’s buttons are where they are shown from the moment it opens', () => {
    expect(theme.getDesignToken(appTheme).motion).toBe(false);
  });
});
