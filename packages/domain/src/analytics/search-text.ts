/**
 * Full-text search of case descriptions and addresses (综合查询). PostgreSQL's parsers do
 * not split Chinese, so the BFF segments the text with jieba and stores the lexemes
 * itself (`array_to_tsvector`, GIN-indexed); these pure rules decide which lexemes a
 * text gets and how a search phrase becomes a tsquery.
 *
 * A text's lexemes are its words and the character pairs of each run of Chinese, so a
 * phrase segmented differently from the text still matches through its pairs (人行道 in
 * the query, 人行 + 道 in the text), and a loose query can fall back to pairs alone.
 */
import { charBigrams, normaliseText } from '../intake/text-features';

/** A word worth indexing: letters, digits or Chinese, not punctuation or space. */
const CONTENTFUL = /[\p{L}\p{N}]/u;
const HAN = /[\u3400-\u4dbf\u4e00-\u9fff]/;
/** Lexemes longer than this are cut (tsvector lexemes are limited; nobody searches 40 characters as one word). */
const MAX_LEXEME = 40;

function clean(word: string): string {
  return word
    .toLowerCase()
    .replace(/['\\\s]/g, '')
    .slice(0, MAX_LEXEME);
}

/** The lexemes stored for a text, from its segmented words (segment `normaliseText(text)`). */
export function indexLexemes(words: readonly string[], text: string): string[] {
  const lexemes = new Set<string>();
  for (const word of words) {
    const w = clean(word);
    if (w && CONTENTFUL.test(w)) lexemes.add(w);
  }
  for (const pair of charBigrams(normaliseText(text))) lexemes.add(pair);
  return [...lexemes];
}

const quote = (lexeme: string) => `'${lexeme}'`;

/**
 * Every word of the phrase must be found, as a word or as all its character pairs. Null
 * when the phrase has nothing to search for.
 */
export function preciseQuery(words: readonly string[]): string | null {
  const parts: string[] = [];
  for (const word of new Set(words.map(clean))) {
    if (!word || !CONTENTFUL.test(word)) continue;
    const pairs = HAN.test(word) && Array.from(word).length > 2 ? [...new Set(charBigrams(word))] : [];
    parts.push(pairs.length > 0 ? `(${quote(word)} | (${pairs.map(quote).join(' & ')}))` : quote(word));
  }
  return parts.length > 0 ? parts.join(' & ') : null;
}

function phrasePairs(text: string): string[] {
  return [...new Set(charBigrams(normaliseText(text)).map(clean))].filter(Boolean);
}

/** Fuzzy fallback (模糊匹配): any character pair of the phrase; results rank by how many match. */
export function fuzzyQuery(text: string): string | null {
  const pairs = phrasePairs(text);
  return pairs.length > 0 ? pairs.map(quote).join(' | ') : null;
}

/** A tier "at least m of the pairs" is written out only up to this many combinations of m pairs. */
const MAX_TIER_COMBINATIONS = 40;

function combinations<T>(items: readonly T[], size: number): T[][] {
  if (size === 0) return [[]];
  const out: T[][] = [];
  items.forEach((item, i) => {
    for (const rest of combinations(items.slice(i + 1), size - 1)) out.push([item, ...rest]);
  });
  return out;
}

function binomial(n: number, k: number): number {
  let c = 1;
  for (let i = 1; i <= k; i++) c = (c * (n - k + i)) / i;
  return Math.round(c);
}

/**
 * 模糊匹配 in tiers, strictest first: "shares all the phrase's character pairs", "at least
 * n−1 of them", … down to `fuzzyQuery` (any one). A tier is left out when writing it takes
 * more than MAX_TIER_COMBINATIONS combinations; the last (any pair) is always there. The
 * search reads the tiers in order, so the closest cases are among those ranked even when
 * a common pair (垃圾) is shared by millions of others.
 */
export function fuzzyQueryTiers(text: string): string[] {
  const pairs = phrasePairs(text);
  if (pairs.length === 0) return [];
  const tiers: string[] = [];
  for (let m = pairs.length; m > 1; m--) {
    if (binomial(pairs.length, m) > MAX_TIER_COMBINATIONS) continue;
    const terms = combinations(pairs, m).map((combo) => `(${combo.map(quote).join(' & ')})`);
    tiers.push(terms.join(' | '));
  }
  tiers.push(pairs.map(quote).join(' | '));
  return tiers;
}
