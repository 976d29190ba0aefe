import type { Page } from '@playwright/test';

/** A visible text (or shown placeholder) whose contrast with what is behind it is below WCAG 2.x AA. */
export interface LowContrast {
  text: string;
  ratio: number;
  needed: number;
  color: string;
  background: string;
  where: string;
}

/**
 * Every visible text on the page checked against WCAG 2.x 1.4.3 (AA): 4.5:1, or 3:1 for
 * large text (24 px, or 18.66 px bold). The background is composited from the element's
 * ancestors' colours over white; texts over an image or a gradient, inside disabled
 * controls (exempt in WCAG), or hidden from assistive technology are not judged.
 */
export function lowContrastTexts(page: Page): Promise<LowContrast[]> {
  return page.evaluate(() => {
    type Rgba = { r: number; g: number; b: number; a: number };
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
    const luminance = ({ r, g, b }: Rgba) => {
      const f = (v: number) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
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
    const exempt = (element: Element) =>
      element.closest(
        '[aria-hidden="true"], :disabled, [aria-disabled="true"], .ant-btn-disabled, .ant-select-disabled, .ant-input-disabled, .ant-picker-disabled, .ant-checkbox-wrapper-disabled, .ant-radio-wrapper-disabled, .ant-pagination-disabled, .ant-steps-item-wait .ant-steps-icon, .maplibregl-map, canvas',
      ) !== null;
    const name = (element: Element) =>
      `${element.tagName.toLowerCase()}${element.classList.length ? `.${[...element.classList].slice(0, 2).join('.')}` : ''}`;
    const judge = (element: Element, text: string, colourCss: string, out: unknown[]) => {
      const style = getComputedStyle(element);
      const rect = element.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0 || style.visibility !== 'visible' || Number(style.opacity) === 0)
        return;
      if (exempt(element)) return;
      const background = backgroundOf(element);
      const colour = parse(colourCss);
      if (!background || !colour) return;
      const fg = over(colour, background);
      const [hi, lo] = [luminance(fg), luminance(background)].sort((a, b) => b - a) as [number, number];
      const ratio = (hi + 0.05) / (lo + 0.05);
      const size = Number.parseFloat(style.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
      const needed = large ? 3 : 4.5;
      if (ratio + 0.005 < needed) {
        out.push({
          text: text.trim().slice(0, 24),
          ratio: Math.round(ratio * 100) / 100,
          needed,
          color: colourCss,
          background: `rgb(${Math.round(background.r)}, ${Math.round(background.g)}, ${Math.round(background.b)})`,
          where: name(element),
        });
      }
    };
    const out: unknown[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const seen = new Set<Element>();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || seen.has(parent) || !node.textContent?.trim()) continue;
      if (parent.closest('script, style, noscript, title')) continue;
      seen.add(parent);
      judge(parent, node.textContent, getComputedStyle(parent).color, out);
    }
    for (const input of document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>(
      'input[placeholder], textarea[placeholder]',
    )) {
      if (input.value || !input.placeholder) continue;
      judge(input, input.placeholder, getComputedStyle(input, '::placeholder').color, out);
    }
    return out as LowContrast[];
  });
}
