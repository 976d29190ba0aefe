import { describe, expect, it } from 'vitest';
import {
  type CategoryRef,
  categoryKey,
  DEFAULT_CATEGORY_MODEL_OPTIONS,
  suggestCategories,
  tokenFocus,
  trainCategoryModel,
} from './category-model';
import { charBigrams, featureTokens, normaliseText } from './text-features';

const categories: CategoryRef[] = [
  { kind: 'event', code: '09006', name: '占道经营', majorCode: '09' },
  { kind: 'event', code: '09009', name: '机动车乱停放', majorCode: '09' },
  { kind: 'event', code: '06042', name: '垃圾站（箱）满溢', majorCode: '06' },
  { kind: 'component', code: '03005', name: '垃圾箱', majorCode: '03' },
];

const doc = (kind: CategoryRef['kind'], code: string, words: string[], weight = 1) => ({
  key: categoryKey(kind, code),
  tokens: featureTokens(words),
  weight,
});

const examples = [
  doc('event', '09006', ['占道', '经营']),
  doc('event', '09006', ['人行道', '上', '摆摊', '卖', '菜']),
  doc('event', '09006', ['路边', '地摊', '卖', '水果']),
  doc('event', '09009', ['机动车', '乱', '停放']),
  doc('event', '09009', ['汽车', '停', '在', '人行道', '上']),
  doc('event', '06042', ['垃圾桶', '满', '了', '没人', '清运']),
  doc('event', '06042', ['垃圾', '满溢']),
  doc('component', '03005', ['垃圾箱']),
  doc('component', '03005', ['垃圾桶', '破损']),
];

describe('text features', () => {
  it('normalises full-width forms and case', () => {
    expect(normaliseText('ＡＩ识别：３号楼  ')).toBe('ai识别:3号楼');
  });

  it('makes bigrams inside Chinese runs only', () => {
    expect(charBigrams('摆摊3号楼，卖水果')).toEqual(['摆摊', '号楼', '卖水', '水果']);
  });

  it('drops stop words and boilerplate, and bigrams do not cross them', () => {
    const tokens = featureTokens(['市民', '来电', '反映', '：', '人行道', '上', '有人', '摆摊']);
    expect(tokens).toContain('w:人行道');
    expect(tokens).toContain('w:摆摊');
    expect(tokens).not.toContain('w:市民');
    expect(tokens).not.toContain('b:市民');
    expect(tokens).not.toContain('b:反映');
  });

  it('adds single characters of kept words only when asked (category suggestion)', () => {
    const words = ['市民', '反映', '井盖', '坏', '了'];
    expect(featureTokens(words).filter((t) => t.startsWith('u:'))).toEqual([]);
    expect(featureTokens(words, { unigrams: true }).filter((t) => t.startsWith('u:'))).toEqual([
      'u:井',
      'u:盖',
      'u:坏',
    ]);
  });
});

describe('category model', () => {
  for (const method of ['centroid', 'nb'] as const) {
    it(`(${method}) ranks the right category first, with scores in 0–1 summing to at most 1`, () => {
      const model = trainCategoryModel(categories, examples, { method, alpha: 0.1, idf: true, temperature: 0.05 });
      const top = suggestCategories(model, featureTokens(['有人', '在', '人行道', '摆摊', '卖', '水果']));
      expect(top[0]?.category.code).toBe('09006');
      expect(top.length).toBeLessThanOrEqual(3);
      const total = top.reduce((sum, s) => sum + s.score, 0);
      for (const s of top) expect(s.score).toBeGreaterThanOrEqual(0);
      expect(total).toBeLessThanOrEqual(1 + 1e-9);
      expect(top.map((s) => s.score)).toEqual([...top.map((s) => s.score)].sort((a, b) => b - a));
    });
  }

  it('keeps to the kind asked for', () => {
    const model = trainCategoryModel(categories, examples);
    const words = ['垃圾桶', '满', '了'];
    expect(suggestCategories(model, featureTokens(words), { kind: 'component' }).map((s) => s.category.code)).toEqual([
      '03005',
    ]);
    expect(suggestCategories(model, featureTokens(words), { kind: 'event' })[0]?.category.code).toBe('06042');
  });

  it('says nothing for a text with no known token', () => {
    const model = trainCategoryModel(categories, examples);
    expect(suggestCategories(model, featureTokens(['今天', '天气', '不错']))).toEqual([]);
  });

  it('ignores examples of unknown categories', () => {
    const model = trainCategoryModel(categories, [...examples, doc('event', '99999', ['别的'])]);
    expect(model.documents).toBe(examples.length);
  });
});

describe('centroid refinement', () => {
  const cars: CategoryRef[] = [
    { kind: 'event', code: '09009', name: '机动车乱停放', majorCode: '09' },
    { kind: 'event', code: '10009', name: '废弃车辆', majorCode: '10' },
  ];
  const d = (code: string, tokens: string[]) => ({ key: categoryKey('event', code), tokens, weight: 1 });
  // Both classes say 车 and 停; only 废弃车辆's own reports say 瘪, 灰, 锈, 轮胎.
  const carExamples = [
    d('09009', ['车', '停', '乱']),
    d('09009', ['车', '停', '人行道']),
    d('09009', ['车', '停', '路边']),
    d('09009', ['车', '停']),
    d('10009', ['废弃', '车']),
    d('10009', ['废弃', '车', '锈']),
    d('10009', ['车', '停', '轮胎', '瘪']),
    d('10009', ['车', '停', '轮胎', '灰']),
  ];
  const scoreOf = (refine: { rounds: number; rate: number } | undefined) => {
    const model = trainCategoryModel(cars, carExamples, {
      ...DEFAULT_CATEGORY_MODEL_OPTIONS,
      typeWeights: {},
      focus: false,
      refine,
    });
    return suggestCategories(model, ['车', '停', '瘪']).find((s) => s.category.code === '10009')?.score ?? 0;
  };

  it('moves weight from the words neighbours share onto the words that tell them apart', () => {
    const plain = scoreOf(undefined);
    const refined = scoreOf({ rounds: 3, rate: 0.1 });
    expect(refined).toBeGreaterThan(plain + 0.1);
  });

  it('changes nothing with no rounds', () => {
    expect(scoreOf({ rounds: 0, rate: 0.1 })).toBe(scoreOf(undefined));
  });
});

describe('tokenFocus', () => {
  it('keeps the weight of a word of one class and takes it from a word spread over all', () => {
    const postings = new Map([
      ['w:井盖', [{ classIndex: 0, weight: 0.8 }]],
      ['w:晚上', [0, 1, 2, 3].map((classIndex) => ({ classIndex, weight: 0.2 }))],
      [
        'w:人行道',
        [
          { classIndex: 1, weight: 0.6 },
          { classIndex: 2, weight: 0.1 },
        ],
      ],
    ]);
    const focus = tokenFocus(postings, 4);
    expect(focus.get('w:井盖')).toBe(1);
    expect(focus.get('w:晚上')).toBeCloseTo(0, 9);
    const between = focus.get('w:人行道') ?? -1;
    expect(between).toBeGreaterThan(0.5);
    expect(between).toBeLessThan(1);
  });

  it('lets the telling word decide over filler the samples spread across classes', () => {
    const cats: CategoryRef[] = [
      { kind: 'event', code: '01002', name: '污水井盖异常', majorCode: '01' },
      { kind: 'event', code: '09006', name: '占道经营', majorCode: '09' },
      { kind: 'event', code: '06010', name: '暴露垃圾', majorCode: '06' },
    ];
    const d = (code: string, tokens: string[]) => ({ key: categoryKey('event', code), tokens, weight: 1 });
    const examples = [
      d('01002', ['井盖', '坏']),
      d('09006', ['晚上', '差点', '天天', '摆摊']),
      d('09006', ['晚上', '差点', '天天', '占道']),
      d('06010', ['晚上', '差点', '天天', '垃圾']),
    ];
    const base = { ...DEFAULT_CATEGORY_MODEL_OPTIONS, typeWeights: {}, refine: { rounds: 0, rate: 0 } };
    const query = ['晚上', '差点', '天天', '井盖'];
    const plain = suggestCategories(trainCategoryModel(cats, examples, { ...base, focus: false }), query);
    const focused = suggestCategories(trainCategoryModel(cats, examples, { ...base, focus: true }), query);
    expect(plain[0]?.category.code).toBe('09006');
    expect(focused[0]?.category.code).toBe('01002');
  });
});
