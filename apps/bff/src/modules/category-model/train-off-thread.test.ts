import { rankCategories } from '@citygov/domain/intake/category-suggest';
import { describe, expect, it } from 'vitest';
import { categoryInput } from '../../lib/text/segment';
import { buildCategoryModel } from './build-model';
import { trainOffThread } from './train-off-thread';
import { intakeKeywords, sampleReports, seedCatalogue, type TrainingSources } from './training-data';

function sources(): TrainingSources {
  // Closed cases filed under 积存垃圾渣土 (06011), in words no other source uses.
  const history = ['嘎啦嘎啦又来了', '嘎啦嘎啦一大片', '又是嘎啦嘎啦'].map((text) => ({
    kind: 'event' as const,
    code: '06011',
    text,
  }));
  return { catalogue: seedCatalogue(), keywords: intakeKeywords(), samples: sampleReports(), history };
}

const reports = [
  '人民路井盖松动，车压过去哐哐响',
  '菜场门口有人摆摊卖水果占了人行道',
  '路灯晚上不亮，黑乎乎的',
  '这里嘎啦嘎啦',
];

function top3(model: ReturnType<typeof buildCategoryModel>, text: string) {
  return rankCategories(model, categoryInput(text), null, 3).map((r) => [
    r.category.code,
    Math.round(r.confidence * 1e6),
  ]);
}

describe('training the category model on a worker thread', () => {
  it('gives the model the BFF would have trained on its own thread: same suggestions, same confidences', async () => {
    const now = new Date('2026-12-01T02:00:00Z');
    const here = buildCategoryModel(sources(), undefined, now);
    const there = await trainOffThread(sources(), now);
    expect(there.trainedAt.getTime()).toBe(now.getTime());
    expect(there.documents).toBe(here.documents);
    for (const text of reports) expect(top3(there, text)).toEqual(top3(here, text));
    // The closed cases reached the worker: their words now point to their category.
    expect(top3(there, reports[3] ?? '')[0]?.[0]).toBe('06011');
  });

  it('fails with an error, not a hang, when training throws in the worker', async () => {
    const broken = {
      ...sources(),
      samples: [{ kind: 'event' as const, code: '01001', text: null as unknown as string }],
    };
    await expect(trainOffThread(broken)).rejects.toThrow();
  });
});
