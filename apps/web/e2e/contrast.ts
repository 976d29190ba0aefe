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
  /** What may be behind the text: one colour, or each stop of a gradient laid over what is below it. */
  backgrounds: Rgb[];
  large: boolean;
  where: string;
}

/**
 * Runs in the browser, so it is self-contained (page.evaluate sends its source, not its
 * imports); the ratio is worked out back in the test with the one shared formula.
 * With an element: that element's own text colour. Without: every visible text and shown
 * placeholder of the page, less those WCAG exempts or that cannot be judged. The background
 * is composited from the element's ancestors' colours over white. A gradient (the wall's
 * panels) counts as each of its colour stops, so the text is judged against the worst of
 * them; a text over an image has no background that can be judged.
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
  /** A background-image's layers, topmost first, each as its colour stops; null when one is an image. */
  const gradientLayers = (images: string): Rgba[][] | null => {
    const layers: string[] = [];
    let depth = 0;
    let start = 0;
    for (let i = 0; i < images.length; i++) {
      const c = images[i];
      if (c === '(') depth++;
      else if (c === ')') depth--;
      else if (c === ',' && depth === 0) {
        layers.push(images.slice(start, i));
        start = i + 1;
      }
    }
    layers.push(images.slice(start));
    const out: Rgba[][] = [];
    for (const layer of layers) {
      if (!/gradient\(/.test(layer)) return null;
      const stops = (layer.match(/rgba?\([^)]+\)/g) ?? []).map(parse).filter((c): c is Rgba => c !== null);
      if (stops.length === 0) return null;
      out.push(stops);
    }
    return out;
  };
  /** Each layer is the colours that may show at that depth: one, or a gradient's stops. */
  const backgroundsOf = (element: Element): Rgba[] | null => {
    const layers: Rgba[][] = [];
    for (let e: Element | null = element; e; e = e.parentElement) {
      const style = getComputedStyle(e);
      const colour = parse(style.backgroundColor);
      const opaque = (c: Rgba) => c.a >= 1;
      // A background image is painted over the element's own background colour.
      let covered = false;
      if (style.backgroundImage !== 'none') {
        const gradients = gradientLayers(style.backgroundImage);
        if (!gradients) return null;
        for (const stops of gradients) {
          layers.push(stops);
          if (stops.every(opaque)) {
            covered = true;
            break;
          }
        }
      }
      if (covered) break;
      if (colour && colour.a > 0) layers.push([colour]);
      if (colour && opaque(colour)) break;
    }
    return layers.reduceRight<Rgba[]>(
      (below, layer) => layer.flatMap((top) => below.map((under) => over(top, under))).slice(0, 64),
      [{ r: 255, g: 255, b: 255, a: 1 }],
    );
  };
  const name = (element: Element) =>
    `${element.tagName.toLowerCase()}${element.classList.length ? `.${[...element.classList].slice(0, 2).join('.')}` : ''}`;
  const read = (element: Element, text: string, colorCss: string): ShownText | null => {
    const backgrounds = backgroundsOf(element);
    const colour = parse(colorCss);
    if (!backgrounds || !colour) return null;
    // A see-through text colour blends with what is behind it; the first candidate stands for all.
    const first = backgrounds[0] ?? { r: 255, g: 255, b: 255, a: 1 };
    const { r, g, b } = over(colour, first);
    const style = getComputedStyle(element);
    const size = Number.parseFloat(style.fontSize);
    return {
      text: text.trim().slice(0, 24),
      colorCss,
      color: colour.a >= 1 ? { r: colour.r, g: colour.g, b: colour.b } : { r, g, b },
      backgrounds: backgrounds.map((c) => ({ r: c.r, g: c.g, b: c.b })),
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

/** The text against the worst of what may be behind it. */
function worstContrast(shown: ShownText): { ratio: number; background: Rgb } {
  let worst = { ratio: Number.POSITIVE_INFINITY, background: shown.backgrounds[0] ?? { r: 255, g: 255, b: 255 } };
  for (const background of shown.backgrounds) {
    const ratio = contrastRatio(shown.color, background);
    if (ratio < worst.ratio) worst = { ratio, background };
  }
  return worst;
}

/**
 * Every visible text on the page checked against WCAG 2.x 1.4.3 (AA): 4.5:1, or 3:1 for
 * large text (24 px, or 18.66 px bold), over the worst stop of a gradient behind it. Texts
 * over an image, inside disabled controls (exempt in WCAG), or hidden from assistive
 * technology are not judged.
 */
export async function lowContrastTexts(page: Page): Promise<LowContrast[]> {
  await transitionsSettled(page);
  const low: LowContrast[] = [];
  for (const shown of await page.evaluate(shownTexts, null)) {
    const { ratio, background } = worstContrast(shown);
    const needed = shown.large ? 3 : 4.5;
    if (ratio + 0.005 >= needed) continue;
    const { r, g, b } = background;
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

/**
 * Waits for the page's finite animations and CSS transitions to end, so a colour is read
 * where it comes to rest: a button enabled when its data arrives fades from the disabled
 * grey to its own colour over antd's 0.2 s, and read mid-fade it would count as low.
 * Endless animations (spinners, the wall's scrolling list) are left running.
 */
async function transitionsSettled(page: Page): Promise<void> {
  await page.evaluate(async () => {
    for (let round = 0; round < 5; round++) {
      const finite = document
        .getAnimations()
        .filter((a) => a.playState === 'running' && Number.isFinite(a.effect?.getComputedTiming().endTime ?? 0));
      if (finite.length === 0) return;
      await Promise.race([
        Promise.all(finite.map((a) => a.finished.catch(() => undefined))),
        new Promise((resolve) => setTimeout(resolve, 2000)),
      ]);
    }
  });
}

/** WCAG contrast of an element's own text colour against what is behind it (composited as above). */
export async function contrastOf(locator: Locator): Promise<number> {
  await transitionsSettled(locator.page());
  const [shown] = await locator.evaluate(shownTexts);
  if (!shown) throw new Error('the text has no plain background to be judged against');
  return worstContrast(shown).ratio;
}
