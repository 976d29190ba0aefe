/**
 * A category model as a few flat arrays, to hand it from the training thread to the
 * serving one. Cloning the model as it is means tens of thousands of small objects
 * (one per posting) rebuilt on the receiving thread, a pause of about 0.1 s; flat
 * arrays move without copying (their buffers are transferred) and are read back in a
 * fraction of that.
 */
import type { CategoryModel, CategoryModelOptions, CategoryRef, Posting } from './category-model';

export interface PackedCategoryModel {
  options: CategoryModelOptions;
  categories: readonly CategoryRef[];
  base: Float64Array;
  scale: Float64Array;
  unseenIdf: number;
  documents: number;
  trainedAt: number;
  /** Every token of the postings, IDF and focus tables; the arrays below follow this order. */
  tokens: string[];
  /** NaN where a token has no entry. */
  idf: Float64Array;
  focus: Float64Array | null;
  /** Token i's postings are [postingStart[i], postingStart[i + 1]). */
  postingStart: Int32Array;
  postingClass: Int32Array;
  postingWeight: Float64Array;
}

export function packCategoryModel(model: CategoryModel): PackedCategoryModel {
  const tokens = [...new Set([...model.postings.keys(), ...model.idf.keys(), ...(model.focus?.keys() ?? [])])];
  let count = 0;
  for (const list of model.postings.values()) count += list.length;
  const postingStart = new Int32Array(tokens.length + 1);
  const postingClass = new Int32Array(count);
  const postingWeight = new Float64Array(count);
  const idf = new Float64Array(tokens.length).fill(Number.NaN);
  const focus = model.focus ? new Float64Array(tokens.length).fill(Number.NaN) : null;
  let at = 0;
  tokens.forEach((token, i) => {
    postingStart[i] = at;
    for (const p of model.postings.get(token) ?? []) {
      postingClass[at] = p.classIndex;
      postingWeight[at] = p.weight;
      at++;
    }
    idf[i] = model.idf.get(token) ?? Number.NaN;
    if (focus) focus[i] = model.focus?.get(token) ?? Number.NaN;
  });
  postingStart[tokens.length] = at;
  return {
    options: model.options,
    categories: model.categories,
    base: model.base,
    scale: model.scale,
    unseenIdf: model.unseenIdf,
    documents: model.documents,
    trainedAt: model.trainedAt.getTime(),
    tokens,
    idf,
    focus,
    postingStart,
    postingClass,
    postingWeight,
  };
}

/** The buffers a packed model may give away when posted to another thread. */
export function packedBuffers(packed: PackedCategoryModel): ArrayBuffer[] {
  const { base, scale, idf, focus, postingStart, postingClass, postingWeight } = packed;
  const arrays = [base, scale, idf, focus, postingStart, postingClass, postingWeight];
  return arrays.flatMap((a) => (a?.buffer instanceof ArrayBuffer ? [a.buffer] : []));
}

export function unpackCategoryModel(packed: PackedCategoryModel): CategoryModel {
  const postings = new Map<string, Posting[]>();
  const idf = new Map<string, number>();
  const focus = packed.focus ? new Map<string, number>() : undefined;
  packed.tokens.forEach((token, i) => {
    const start = packed.postingStart[i] ?? 0;
    const end = packed.postingStart[i + 1] ?? start;
    if (end > start) {
      const list: Posting[] = [];
      for (let at = start; at < end; at++) {
        list.push({ classIndex: packed.postingClass[at] ?? 0, weight: packed.postingWeight[at] ?? 0 });
      }
      postings.set(token, list);
    }
    const w = packed.idf[i] ?? Number.NaN;
    if (!Number.isNaN(w)) idf.set(token, w);
    const f = packed.focus?.[i] ?? Number.NaN;
    if (focus && !Number.isNaN(f)) focus.set(token, f);
  });
  return {
    options: packed.options,
    categories: packed.categories,
    base: packed.base,
    scale: packed.scale,
    postings,
    idf,
    unseenIdf: packed.unseenIdf,
    ...(focus ? { focus } : {}),
    documents: packed.documents,
    trainedAt: new Date(packed.trainedAt),
  };
}
