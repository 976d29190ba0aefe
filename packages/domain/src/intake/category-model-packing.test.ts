import { describe, expect, it } from 'vitest';
import { type CategoryRef, categoryKey, suggestCategories, trainCategoryModel } from './category-model';
import { packCategoryModel, packedBuffers, unpackCategoryModel } from './category-model-packing';
import { featureTokens } from './text-features';

const categories: CategoryRef[] = [
  { kind: 'event', code: '09006', name: '占道经营', majorCode: '09' },
  { kind: 'event', code: '09009', name: '机动车乱停放', majorCode: '09' },
  { kind: 'event', code: '06042', name: '垃圾站（箱）满溢', majorCode: '06' },
];

const doc = (code: string, words: string[]) => ({
  key: categoryKey('event', code),
  tokens: featureTokens(words, { unigrams: true }),
  weight: 1,
});

const model = trainCategoryModel(
  categories,
  [
    doc('09006', ['人行道', '上', '摆摊', '卖', '菜']),
    doc('09006', ['路边', '地摊', '卖', '水果']),
    doc('09009', ['汽车', '停', '在', '人行道', '上']),
    doc('06042', ['垃圾桶', '满', '了', '没人', '清运']),
  ],
  undefined,
  new Date('2026-12-01T00:00:00Z'),
);

describe('packing the category model for another thread', () => {
  it('reads back the very model it packed: every posting, IDF and focus weight, and the training time', () => {
    const back = unpackCategoryModel(structuredClone(packCategoryModel(model)));
    expect(back).toEqual(model);
    const query = featureTokens(['路边', '摆摊', '卖', '水果'], { unigrams: true });
    expect(suggestCategories(back, query)).toEqual(suggestCategories(model, query));
  });

  it('hands over its arrays without copying them', () => {
    const packed = packCategoryModel(model);
    const buffers = packedBuffers(packed);
    expect(buffers.length).toBeGreaterThanOrEqual(6);
    const { port1, port2 } = new MessageChannel();
    port1.postMessage(packed, buffers);
    port1.close();
    port2.close();
    // Transferred: the sender's arrays are now empty.
    expect(packed.postingWeight.length).toBe(0);
  });
});
