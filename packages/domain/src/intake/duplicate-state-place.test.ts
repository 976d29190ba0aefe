import { describe, expect, it } from 'vitest';
import { categoryExtent } from './category-extent';
import { EMPTY_LEARNING, LEARNING_CLAMP, learnedBias, learnFromDecision } from './duplicate-learning';
import {
  DEFAULT_DUPLICATE_THRESHOLDS,
  type DuplicateReport,
  decide,
  LEGACY_DUPLICATE_THRESHOLDS,
  scoreDuplicate,
} from './duplicate-score';
import { comparePlaces, placeMarks } from './place-match';
import { featureTokens } from './text-features';

const bins = featureTokens(['垃圾箱', '满', '了', '垃圾', '堆', '到', '地上']);
const binsAgain = featureTokens(['垃圾箱', '满溢', '垃圾', '撒', '了', '一地']);
const fruit = featureTokens(['水果店', '把', '货架', '摆', '到', '店门外', '人行道', '上', '经营']);

const base: DuplicateReport = {
  kind: 'event',
  categoryCode: '06042',
  lng: 120.2,
  lat: 30.25,
  at: new Date('2026-05-10T09:00:00+08:00'),
  tokens: bins,
};
const east = (metres: number) => base.lng + metres / (111_195 * Math.cos((base.lat * Math.PI) / 180));
const DAY = 24 * 3_600_000;

describe('an open original does not age out', () => {
  const later = { ...base, lng: east(15), at: new Date(base.at.getTime() + 2 * DAY), tokens: binsAgain };
  it('flags a re-report two days later while the first report is open', () => {
    const { score, factors } = scoreDuplicate(later, { ...base, open: true });
    expect(decide(score, DEFAULT_DUPLICATE_THRESHOLDS, factors)).not.toBe('ignore');
  });
  it('lets a closed original age out, as before', () => {
    const { score, factors } = scoreDuplicate(later, { ...base, open: false });
    expect(decide(score, DEFAULT_DUPLICATE_THRESHOLDS, factors)).toBe('ignore');
    const legacy = scoreDuplicate(later, { ...base, open: true }, LEGACY_DUPLICATE_THRESHOLDS);
    expect(decide(legacy.score, LEGACY_DUPLICATE_THRESHOLDS)).toBe('ignore');
  });
});

describe('two shops along one street', () => {
  const shop = { ...base, categoryCode: '09005', tokens: fruit, place: placeMarks('人民路12号') };
  const nextShop = {
    ...shop,
    lng: east(70),
    at: new Date(base.at.getTime() + 3_600_000),
    place: placeMarks('人民路58号'),
  };
  it('never auto-merges two numbers of one road 70 m apart', () => {
    const { score, factors } = scoreDuplicate(nextShop, { ...shop, open: true });
    expect(factors.placeConflict).toBe(1);
    expect(factors.extent).toBe('premises');
    expect(decide(score, DEFAULT_DUPLICATE_THRESHOLDS, factors)).not.toBe('merge');
  });
  it('without addresses, a premises category still needs to be close to merge', () => {
    const far = scoreDuplicate({ ...nextShop, place: undefined }, { ...shop, place: undefined, open: true });
    expect(decide(far.score, DEFAULT_DUPLICATE_THRESHOLDS, far.factors)).not.toBe('merge');
    const near = { ...nextShop, lng: east(10), place: placeMarks('人民路12号旁') };
    const same = scoreDuplicate(near, { ...shop, open: true });
    expect(same.factors.place).toBe(1);
    expect(decide(same.score, DEFAULT_DUPLICATE_THRESHOLDS, same.factors)).toBe('merge');
  });
  it('reads road numbers and compound buildings', () => {
    expect(comparePlaces(placeMarks('人民路12号'), placeMarks('在人民路13号门口'))).toEqual({
      match: true,
      conflict: false,
      differs: false,
    });
    expect(comparePlaces(placeMarks('柳岸新村12幢'), placeMarks('柳岸新村3幢'))).toEqual({
      match: false,
      conflict: true,
      differs: true,
    });
    expect(comparePlaces(placeMarks('人民路12号'), placeMarks('解放路58号'))).toEqual({
      match: false,
      conflict: false,
      differs: true,
    });
    expect(comparePlaces(placeMarks('人民路12号'), placeMarks('小区门口'))).toEqual({
      match: false,
      conflict: false,
      differs: false,
    });
  });
  it('scales distance by what the category covers', () => {
    expect(categoryExtent('event', '09005')).toBe('premises');
    expect(categoryExtent('event', '06013')).toBe('linear');
    expect(categoryExtent('event', '06042')).toBe('point');
  });
});

describe('the category extent table', () => {
  const at = (code: string, metres: number) =>
    scoreDuplicate({ ...base, categoryCode: code, lng: east(metres) }, { ...base, categoryCode: code, open: true })
      .factors;
  it('is tight for a shop front, wider for a point, widest for a road section', () => {
    const premises = at('09005', 60);
    const point = at('06042', 60);
    const linear = at('06013', 60);
    expect([premises.extent, point.extent, linear.extent]).toEqual(['premises', 'point', 'linear']);
    expect(premises.distance).toBeLessThan(point.distance);
    expect(point.distance).toBeLessThan(linear.distance);
    // A road section 150 m along still counts as near; a shop front 150 m along does not.
    expect(at('06013', 150).distance).toBeGreaterThan(0.4);
    expect(at('09005', 150).distance).toBeLessThan(0.1);
  });
  it('auto-merges a shop front without addresses only within the premises distance', () => {
    const shop = { ...base, categoryCode: '09005', tokens: fruit, open: true };
    const near = scoreDuplicate({ ...shop, lng: east(10) }, shop);
    expect(decide(near.score, DEFAULT_DUPLICATE_THRESHOLDS, near.factors)).toBe('merge');
    const apart = scoreDuplicate({ ...shop, lng: east(30) }, shop);
    expect(apart.factors.distanceM).toBeGreaterThan(DEFAULT_DUPLICATE_THRESHOLDS.premisesMergeM);
    expect(decide(apart.score, DEFAULT_DUPLICATE_THRESHOLDS, apart.factors)).not.toBe('merge');
  });
});

describe('auto-merge only when place and text agree', () => {
  it('sends a close, same-category pair that shares no words to the shift lead instead', () => {
    const other = featureTokens(['废品', '回收站', '杂物', '外溢']);
    const pair = scoreDuplicate({ ...base, lng: east(5), tokens: other }, { ...base, open: true });
    expect(pair.factors.text).toBeLessThan(DEFAULT_DUPLICATE_THRESHOLDS.mergeMinText);
    expect(pair.score).toBeGreaterThanOrEqual(DEFAULT_DUPLICATE_THRESHOLDS.merge);
    expect(decide(pair.score, DEFAULT_DUPLICATE_THRESHOLDS, pair.factors)).toBe('review');
  });
  it('sends a pair whose addresses name different premises to the shift lead instead', () => {
    const a = { ...base, place: placeMarks('人民路12号'), open: true };
    const b = { ...base, lng: east(10), place: placeMarks('解放路58号') };
    const pair = scoreDuplicate(b, a);
    expect(pair.factors.placeDiffers).toBe(true);
    expect(pair.score).toBeGreaterThanOrEqual(DEFAULT_DUPLICATE_THRESHOLDS.merge);
    expect(decide(pair.score, DEFAULT_DUPLICATE_THRESHOLDS, pair.factors)).toBe('review');
    const same = scoreDuplicate({ ...b, place: placeMarks('人民路12号') }, a);
    expect(decide(same.score, DEFAULT_DUPLICATE_THRESHOLDS, same.factors)).toBe('merge');
  });
});

describe('neighbouring categories', () => {
  it('credits a likely other category when the chosen one is uncertain, but never merges across', () => {
    const other = { ...base, categoryCode: '06010', open: true };
    const plain = scoreDuplicate({ ...base, tokens: binsAgain }, other);
    const credited = scoreDuplicate({ ...base, tokens: binsAgain }, other, DEFAULT_DUPLICATE_THRESHOLDS, undefined, {
      neighbourCredit: () => 0.7,
    });
    expect(credited.score).toBeGreaterThan(plain.score);
    expect(decide(credited.score, DEFAULT_DUPLICATE_THRESHOLDS, credited.factors)).not.toBe('merge');
  });
});

describe('learning from the shift lead', () => {
  it('lowers the bias after 不是重复 and raises it after a merge, within bounds', () => {
    const key = 'event:09006';
    const dismissed = learnFromDecision(EMPTY_LEARNING, {
      categoryKey: key,
      candidateId: 7,
      predicted: 0.8,
      duplicate: false,
    });
    expect(learnedBias(dismissed, key, 7)).toBeLessThan(0);
    expect(learnedBias(dismissed, key, 8)).toBeLessThan(0);
    expect(learnedBias(dismissed, key, 7)).toBeLessThan(learnedBias(dismissed, key, 8));
    let many = EMPTY_LEARNING;
    for (let i = 0; i < 50; i++)
      many = learnFromDecision(many, { categoryKey: key, candidateId: 7, predicted: 0.9, duplicate: false });
    expect(learnedBias(many, key, 7)).toBeGreaterThanOrEqual(-(LEARNING_CLAMP.category + LEARNING_CLAMP.case));
    const merged = learnFromDecision(EMPTY_LEARNING, {
      categoryKey: key,
      candidateId: 7,
      predicted: 0.4,
      duplicate: true,
    });
    expect(learnedBias(merged, key, 7)).toBeGreaterThan(0);
  });
});
