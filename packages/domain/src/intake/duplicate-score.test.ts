import { describe, expect, it } from 'vitest';
import {
  bestScoreFor,
  boundingBox,
  DEFAULT_DUPLICATE_THRESHOLDS,
  type DuplicateReport,
  decide,
  haversineM,
  scoreDuplicate,
  textSimilarity,
} from './duplicate-score';
import { featureTokens } from './text-features';

// Words as jieba would cut them; the domain never segments by itself.
const stall = featureTokens(['人行道', '上', '有人', '摆摊', '卖', '水果', '，', '堵住', '了', '路']);
const stallAgain = featureTokens(['有人', '在', '人行道', '上', '摆摊', '卖', '水果', '，', '路', '都', '堵', '了']);
const parking = featureTokens(['小区', '门口', '机动车', '乱停', '，', '占用', '消防通道']);

const base: DuplicateReport = {
  kind: 'event',
  categoryCode: '09006',
  lng: 120.2,
  lat: 30.25,
  at: new Date('2026-05-10T09:00:00+08:00'),
  tokens: stall,
};

/** A point `metres` north-east of the base report. */
function moved(metres: number) {
  const d = metres / Math.SQRT2;
  return { lng: base.lng + d / (111_195 * Math.cos((base.lat * Math.PI) / 180)), lat: base.lat + d / 111_195 };
}

describe('haversineM and boundingBox', () => {
  it('measures a degree of latitude as about 111 km', () => {
    expect(haversineM(120, 30, 120, 31)).toBeGreaterThan(111_000);
    expect(haversineM(120, 30, 120, 31)).toBeLessThan(111_400);
    expect(haversineM(120.2, 30.25, 120.2, 30.25)).toBe(0);
  });

  it('puts every point within the radius inside the box', () => {
    const box = boundingBox(base.lng, base.lat, 500);
    for (const angle of [0, 45, 90, 135, 180, 225, 270, 315]) {
      const rad = (angle * Math.PI) / 180;
      const lng = base.lng + (Math.cos(rad) * 499) / (111_195 * Math.cos((base.lat * Math.PI) / 180));
      const lat = base.lat + (Math.sin(rad) * 499) / 111_195;
      expect(lng).toBeGreaterThanOrEqual(box.minLng);
      expect(lng).toBeLessThanOrEqual(box.maxLng);
      expect(lat).toBeGreaterThanOrEqual(box.minLat);
      expect(lat).toBeLessThanOrEqual(box.maxLat);
    }
  });
});

describe('textSimilarity', () => {
  it('is 1 for the same bag, 0 for bags without a common token, symmetric in between', () => {
    expect(textSimilarity(stall, stall)).toBeCloseTo(1, 10);
    expect(textSimilarity(stall, parking)).toBe(0);
    expect(textSimilarity(stall, stallAgain)).toBeGreaterThan(0.5);
    expect(textSimilarity(stall, stallAgain)).toBeCloseTo(textSimilarity(stallAgain, stall), 10);
    expect(textSimilarity([], stall)).toBe(0);
  });

  it('weights rare tokens up when given an idf', () => {
    const idf = (t: string) => (t === 'w:水果' ? 5 : 1);
    expect(textSimilarity(['w:水果', 'w:路'], ['w:水果', 'w:车'], idf)).toBeGreaterThan(
      textSimilarity(['w:水果', 'w:路'], ['w:水果', 'w:车']),
    );
  });
});

describe('scoreDuplicate and decide', () => {
  it('merges a near-identical report of the same category 20 m and 30 minutes away', () => {
    const other = { ...base, ...moved(20), at: new Date(base.at.getTime() + 30 * 60_000), tokens: stallAgain };
    const { score, factors } = scoreDuplicate(base, other);
    expect(factors.distanceM).toBeCloseTo(20, 0);
    expect(factors.minutesApart).toBeCloseTo(30, 6);
    expect(factors.sameCategory).toBe(true);
    expect(factors.category).toBe(1);
    expect(score).toBeGreaterThanOrEqual(DEFAULT_DUPLICATE_THRESHOLDS.merge);
    expect(decide(score)).toBe('merge');
  });

  it('does not flag the same text 2 km away', () => {
    const far = { ...base, ...moved(2_000), at: new Date(base.at.getTime() + 30 * 60_000) };
    const { score, factors } = scoreDuplicate(base, far);
    expect(factors.text).toBeCloseTo(1, 10);
    expect(factors.distanceM).toBeGreaterThan(1_990);
    expect(decide(score)).toBe('ignore');
  });

  it('does not flag a different category nearby', () => {
    const other = { ...base, ...moved(15), categoryCode: '06012', tokens: parking };
    const { score, factors } = scoreDuplicate(base, other);
    expect(factors.sameCategory).toBe(false);
    expect(factors.sameMajor).toBe(false);
    expect(factors.category).toBe(0);
    expect(decide(score)).toBe('ignore');
  });

  it('gives a neighbouring category of the same major class partial credit (review, not merge)', () => {
    const other = { ...base, ...moved(15), categoryCode: '09001', tokens: stallAgain };
    const { score, factors } = scoreDuplicate(base, other);
    expect(factors.sameMajor).toBe(true);
    expect(factors.category).toBe(DEFAULT_DUPLICATE_THRESHOLDS.sameMajorCredit);
    expect(decide(score)).toBe('review');
  });

  it('lets the score fall with distance and with time', () => {
    const at = (metres: number, hours: number) =>
      scoreDuplicate(base, { ...base, ...moved(metres), at: new Date(base.at.getTime() + hours * 3_600_000) }).score;
    expect(at(10, 1)).toBeGreaterThan(at(150, 1));
    expect(at(150, 1)).toBeGreaterThan(at(400, 1));
    expect(at(10, 1)).toBeGreaterThan(at(10, 48));
  });

  it('never compares kinds: a component with the same code is another category', () => {
    const { factors } = scoreDuplicate(base, { ...base, kind: 'component' });
    expect(factors.sameCategory).toBe(false);
    expect(factors.sameMajor).toBe(false);
  });

  it('knows which categories can never be flagged (so the search may leave them out)', () => {
    const t = DEFAULT_DUPLICATE_THRESHOLDS;
    expect(bestScoreFor(0)).toBeLessThan(t.review);
    expect(bestScoreFor(t.sameMajorCredit)).toBeGreaterThanOrEqual(t.review);
    expect(bestScoreFor(1)).toBeGreaterThanOrEqual(t.merge);
    // Nothing real scores above the bound.
    const other = { ...base, ...moved(1), categoryCode: '06012' };
    expect(scoreDuplicate(base, other).score).toBeLessThanOrEqual(bestScoreFor(0));
  });

  it('decides by the thresholds, inclusive', () => {
    const t = { merge: 0.8, review: 0.4 };
    expect(decide(0.8, t)).toBe('merge');
    expect(decide(0.79, t)).toBe('review');
    expect(decide(0.4, t)).toBe('review');
    expect(decide(0.39, t)).toBe('ignore');
    expect(DEFAULT_DUPLICATE_THRESHOLDS.merge).toBeGreaterThan(DEFAULT_DUPLICATE_THRESHOLDS.review);
  });
});
