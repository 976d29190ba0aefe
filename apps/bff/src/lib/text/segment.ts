/**
 * Chinese word segmentation for intake, with @node-rs/jieba (jieba-rs compiled to a
 * prebuilt native addon, shipped in the npm package: no build step, no network).
 * The dictionary (~5 MB) loads once, lazily, in about 0.2 s; a cut then takes
 * microseconds. Everything after the cut is pure (`@citygov/domain/intake/text-features`).
 */
import { featureTokens, normaliseText, splitPlaces, withCatalogueTerms } from '@citygov/domain/intake/text-features';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';

let jieba: Jieba | null = null;

function segmenter(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

/** The words of a text, after normalisation (full-width → ASCII, lower case). HMM finds unknown words. */
export function segmentWords(text: string): string[] {
  return segmenter().cut(normaliseText(text), true);
}

/** The feature tokens (words and character bigrams) of a report text, as duplicate scoring compares them. */
export function textTokens(text: string): string[] {
  return featureTokens(segmentWords(text));
}

/**
 * The tokens category suggestion learns and scores: words, bigrams and single characters
 * of the description without the places it names (石桥公园旁边, see `splitPlaces`), with
 * the catalogue's word for each colloquial term it uses (电驴 → 非机动车, `withCatalogueTerms`).
 */
export function categoryTokens(text: string): string[] {
  return featureTokens(segmentWords(withCatalogueTerms(splitPlaces(text).description)), { unigrams: true });
}

/** A report as category suggestion reads it: the description's tokens, and the places (address and those named in the text) as the weak feature. */
export function categoryInput(
  text: string,
  address?: string | null,
): { tokens: string[]; placeTokens: string[]; text: string } {
  const { description, places } = splitPlaces(text);
  const where = [address ?? '', ...places].join(' ').trim();
  return {
    tokens: featureTokens(segmentWords(withCatalogueTerms(description)), { unigrams: true }),
    placeTokens: where ? featureTokens(segmentWords(where)) : [],
    text,
  };
}
