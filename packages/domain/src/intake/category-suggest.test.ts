import { describe, expect, it } from 'vitest';
import { type CategoryRef, categoryKey, DEFAULT_CATEGORY_MODEL_OPTIONS, trainCategoryModel } from './category-model';
import { emptyCorrectionMemory, rankCategories, rememberCorrection } from './category-suggest';
import { featureTokens, splitPlaces, withCatalogueTerms } from './text-features';

const categories: CategoryRef[] = [
  { kind: 'event', code: '09006', name: '占道经营', majorCode: '09' },
  { kind: 'event', code: '09005', name: '店外经营', majorCode: '09' },
  { kind: 'event', code: '06042', name: '垃圾站（箱）满溢', majorCode: '06' },
  { kind: 'event', code: '03005', name: '垃圾箱异常', majorCode: '03' },
  { kind: 'component', code: '03005', name: '垃圾箱', majorCode: '03' },
];
const doc = (kind: CategoryRef['kind'], code: string, words: string[]) => ({
  key: categoryKey(kind, code),
  tokens: featureTokens(words, { unigrams: true }),
  weight: 1,
});
const model = trainCategoryModel(
  categories,
  [
    doc('event', '09006', ['人行道', '摆摊', '卖', '菜']),
    doc('event', '09005', ['店家', '把', '货', '摆', '到', '门外']),
    doc('event', '06042', ['垃圾箱', '满', '了', '没人', '清运']),
    doc('event', '03005', ['垃圾箱', '破损']),
    doc('component', '03005', ['垃圾箱']),
    doc('component', '03005', ['垃圾箱', '破损']),
    // Five classes only: the focus (1 − H / ln 5) would take most of the weight of every word
    // shared by the twins; with the real catalogue (~400 classes) the kind cue still decides.
  ],
  { ...DEFAULT_CATEGORY_MODEL_OPTIONS, focus: false },
);
const tokens = (words: string[]) => featureTokens(words, { unigrams: true });

describe('rankCategories', () => {
  it('decides the kind first and always gives three, with confidences summing to at most 1', () => {
    const top = rankCategories(model, { tokens: tokens(['垃圾箱', '破损']), text: '垃圾箱破损' });
    expect(top).toHaveLength(3);
    expect(top.every((s) => s.category.kind === 'event')).toBe(true);
    expect(top.reduce((sum, s) => sum + s.confidence, 0)).toBeLessThanOrEqual(1 + 1e-9);
    const cued = rankCategories(model, { tokens: tokens(['垃圾箱', '破损']), text: '部件 垃圾箱破损' });
    expect(cued[0]?.category.kind).toBe('component');
  });

  it('moves a corrected text to the chosen category at once', () => {
    const words = ['店家', '摆摊', '卖', '菜'];
    const memory = emptyCorrectionMemory();
    const before = rankCategories(model, { tokens: tokens(words) }, memory)[0]?.category.code;
    const chosen = before === '09005' ? '09006' : '09005';
    rememberCorrection(memory, model, tokens(words), { kind: 'event', code: chosen });
    expect(rankCategories(model, { tokens: tokens(words) }, memory)[0]?.category.code).toBe(chosen);
  });
});

describe('splitPlaces', () => {
  it('takes the place a report names out of what it says is wrong', () => {
    expect(splitPlaces('石桥公园旁边那块草地被占了')).toEqual({
      description: ' 那块草地被占了',
      places: ['石桥公园旁边'],
    });
    expect(splitPlaces('紫荆市场门口被人挖了一个坑').places).toEqual(['紫荆市场门口']);
    // The name part never swallows the description, and a place word without a locative stays.
    expect(splitPlaces('垃圾堆满了和平路口').places).toEqual([]);
    expect(splitPlaces('公交站牌子字掉了').places).toEqual([]);
  });

  it('takes a road or estate named at the start of a clause, with no locative after it', () => {
    expect(splitPlaces('春晖北路那个车站的牌子字掉光了')).toEqual({
      description: ' 那个车站的牌子字掉光了',
      places: ['春晖北路'],
    });
    expect(splitPlaces('我家在云栖家园,楼下垃圾没人收').places).toEqual(['云栖家园']);
    // Too short a name (马路, 小路), a description word before the kind (人行道路面) or a verb: not a place.
    expect(splitPlaces('马路牙子断了').places).toEqual([]);
    expect(splitPlaces('人行道路面塌了').places).toEqual([]);
    expect(splitPlaces('过马路的地道漏水').places).toEqual([]);
  });
});

describe('withCatalogueTerms', () => {
  it("adds the catalogue's word for each colloquial term, once", () => {
    expect(withCatalogueTerms('小区门口电驴停满了')).toBe('小区门口电驴停满了 非机动车');
    expect(withCatalogueTerms('窨井盖没了，垃圾桶也倒了，电瓶车和自行车乱停')).toBe(
      '窨井盖没了，垃圾桶也倒了，电瓶车和自行车乱停 井盖 垃圾箱 非机动车',
    );
  });

  it('leaves a text without colloquial terms as it is', () => {
    expect(withCatalogueTerms('路灯不亮')).toBe('路灯不亮');
  });
});
