import type { Locator, Page } from '@playwright/test';
import { contrastRatio, type Rgb } from '../src/testing/contrast';

/** A visible text (or shown placeholder) whose contrast with what is behind it is below WCAG 2.x AA. */
export interface LowContrast {
  text: string;
  ratio: number;
  needed: number;
  color: string;
  background: string;
  where: string;
}

/** One text as the browser shows it: its colour laid over what is behind it, and whether it is large. */
interface ShownText {
  text: string;
  colorCss: string;
  color: Rgb;
  background: Rgb;
  large: boolean;
  where: string;
}

/**
 * Runs in the browser, so it is self-contained (page.evaluate sends its source, not its
 * imports); the ratio is worked out back in the test with the one shared formula.
 * With an element: that element's own text colour. Without: every visible text and shown
 * placeholder of the page, less those WCAG exempts or that cannot be judged. The background
 * is composited from the element's ancestors' colours over white; a text over an image or a
 * gradient has none.
 */
function shownTexts(target: Element | null): ShownText[] {
  type Rgba = Rgb & { a: number };
  const parse = (css: string): Rgba | null => {
    const m = css.match(/rgba?\(([^)]+)\)/);
    if (!m?.[1]) return null;
    const [r = 0, g = 0, b = 0, a = 1] = m[1]
      .split(/[\s,/]+/)
      .filter(Boolean)
      .map((p) => (p.endsWith('%') ? Number(p.slice(0, -1)) / 100 : Number(p)));
    return { r, g, b, a };
  };
  const over = (top: Rgba, bottom: Rgba): Rgba => ({
    r: top.r * top.a + bottom.r * (1 - top.a),
    g: top.g * top.a + bottom.g * (1 - top.a),
    b: top.b * top.a + bottom.b * (1 - top.a),
    a: 1,
  });
  const backgroundOf = (element: Element): Rgba | null => {
    const layers: Rgba[] = [];
    for (let e: Element | null = element; e; e = e.parentElement) {
      const style = getComputedStyle(e);
      if (style.backgroundImage !== 'none') return null;
      const colour = parse(style.backgroundColor);
      if (colour && colour.a > 0) layers.push(colour);
      if (colour && colour.a >= 1) break;
    }
    return layers.reduceRight<Rgba>((below, layer) => over(layer, below), { r: 255, g: 255, b: 255, a: 1 });
  };
  const name = (element: Element) =>
    `${element.tagName.toLowerCase()}${element.classList.length ? `.${[...element.classList].slice(0, 2).join('.')}` : ''}`;
  const read = (element: Element, text: string, colorCss: string): ShownText | null => {
    const background = backgroundOf(element);
    const colour = parse(colorCss);
    if (!background || !colour) return null;
    const { r, g, b } = over(colour, background);
    const style = getComputedStyle(element);
    const size = Number.parseFloat(style.fontSize);
    return {
      text: text.trim().slice(0, 24),
      colorCss,
      color: { r, g, b },
      background: { r: background.r, g: background.g, b: background.b },
      large: size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700),
      where: name(element),
    };
  };
  if (target) {
    const one = read(target, target.textContent ?? '', getComputedStyle(target).color);
    return one ? [one] : [];
  }

  const exempt = (element: Element) =>
    element.closest(
      '[aria-hidden="true"], :disabled, [aria-disabled="true"], .ant-btn-disabled, .ant-select-disabled, .ant-input-disabled, .ant-picker-disabled, .ant-checkbox-wrapper-disabled, .ant-radio-wrapper-disabled, .ant-pagination-disabled, .ant-steps-item-wait .ant-steps-icon, .maplibregl-map, canvas',
    ) !== null;
  const out: ShownText[] = [];
  const judge = (element: Element, text: string, colorCss: string) => {
    const style = getComputedStyle(element);
    const rect = element.getBoundingClientRect();
    if (rect.width === 0 || rect.height === 0 || style.visibility !== 'visible' || Number(style.opacity) === 0) return;
    if (exempt(element)) return;
    const shown = read(element, text, colorCss);
    if (shown) out.push(shown);
  };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const seen = new Set<Element>();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || seen.has(parent) || !node.textContent?.trim()) continue;
    if (parent.closest('script, style, noscript, title')) continue;
    seen.add(parent);
    judge(parent, node.textContent, getComputedStyle(parent).color);
  }
  for (const input of document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>(
    'input[placeholder], textarea[placeholder]',
  )) {
    if (input.value || !input.placeholder) continue;
    judge(input, input.placeholder, getComputedStyle(input, '::placeholder').color);
  }
  return out;
}

/**
 * Every visible text on the page checked against WCAG 2.x 1.4.3 (AA): 4.5:1, or 3:1 for
 * large text (24 px, or 18.66 px bold). Texts over an image or a gradient, inside disabled
 * controls (exempt in WCAG), or hidden from assistive technology are not judged.
 */
export async function lowContrastTexts(page: Page): Promise<LowContrast[]> {
  const low: LowContrast[] = [];
  for (const shown of await page.evaluate(shownTexts, null)) {
    const ratio = contrastRatio(shown.color, shown.background);
    const needed = shown.large ? 3 : 4.5;
    if (ratio + 0.005 >= needed) continue;
    const { r, g, b } = shown.background;
    low.push({
      text: shown.text,
      ratio: Math.round(ratio * 100) / 100,
      needed,
      color: shown.colorCss,
      background: `rgb(${Math.round(r)}, ${Math.round(g)}, ${Math.round(b)})`,
      where: shown.where,
    });
  }
  return low;
}

/** WCAG contrast of an element's own text colour against what is behind it (composited as above). */
export async function contrastOf(locator: Locator): Promise<number> {
  const [shown] = await locator.evaluate(shownTexts);
  if (!shown) throw new Error('the text has no plain background to be judged against');
  return contrastRatio(shown.color, shown.background);
}
