import { describe, expect, it } from 'vitest';
import { fuzzyQuery, fuzzyQueryTiers, indexLexemes, preciseQuery } from './search-text';

describe('search lexemes and queries', () => {
  it('indexes words and the character pairs of each Chinese run', () => {
    const lexemes = indexLexemes(['人行', '道', '塌陷', '，', 'A12'], '人行道塌陷，A12');
    expect(lexemes).toEqual(expect.arrayContaining(['人行', '道', '塌陷', 'a12', '行道', '道塌']));
    expect(lexemes).not.toContain('，');
  });

  it('asks for every word, as a word or as all its pairs', () => {
    expect(preciseQuery(['人行道', '塌陷'])).toBe("('人行道' | ('人行' & '行道')) & '塌陷'");
    expect(preciseQuery(['，', ' '])).toBeNull();
  });

  it('strips quotes so a phrase cannot break out of its lexeme', () => {
    expect(preciseQuery(["a'b\\c"])).toBe("'abc'");
  });

  it('falls back to any shared character pair', () => {
    expect(fuzzyQuery('井盖缺')).toBe("'井盖' | '盖缺'");
    expect(fuzzyQuery('a')).toBeNull();
  });

  it('tiers a fuzzy phrase from all its pairs down to any one', () => {
    expect(fuzzyQueryTiers('井盖缺失')).toEqual([
      "('井盖' & '盖缺' & '缺失')",
      "('井盖' & '盖缺') | ('井盖' & '缺失') | ('盖缺' & '缺失')",
      "'井盖' | '盖缺' | '缺失'",
    ]);
    expect(fuzzyQueryTiers('a')).toEqual([]);
  });

  it('leaves out tiers too long to write but always ends with any pair', () => {
    // 13 pairs: all, and 12 of 13 (13 combinations) are written; 11 of 13 (78) and looser are not.
    const tiers = fuzzyQueryTiers('人行道上堆放建筑垃圾影响通行');
    expect(tiers).toHaveLength(3);
    expect(tiers[1]?.split(' | ')).toHaveLength(13);
    expect(tiers.at(-1)).toBe(fuzzyQuery('人行道上堆放建筑垃圾影响通行'));
  });
});
