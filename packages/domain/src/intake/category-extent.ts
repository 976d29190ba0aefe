/**
 * How far apart two reports of one problem may lie, by category (事部件小类): a shop
 * front (店外经营) is a few metres of pavement, a road section (道路破损) or a river bank
 * runs for hundreds. Duplicate scoring scales its distance half-value by this, and a
 * premises category is auto-merged only when the two reports name the same premises or
 * lie within `premisesMergeM` of each other.
 */
import type { CategoryKind } from './category-model';

export type CategoryExtent = 'premises' | 'point' | 'linear';

/** Event categories tied to one shop, building front or balcony. */
const PREMISES = new Set([
  '06002', // 店面无证装修
  '06003', // 违章接坡
  '06005', // 临街阳台、屋顶脏乱差
  '06006', // 临街建筑物上挂彩旗
  '06007', // 沿街晾挂
  '06009', // 空调室外机低挂
  '06027', // 油烟污染
  '06043', // 遮阳篷破损
  '07006', // 违规牌匾标识
  '09005', // 店外经营
  '09015', // 无证餐饮
  '09021', // 占道洗车
  '09022', // 占道促销宣传
]);

/** Event categories along a road, kerb, river or overhead line. */
const LINEAR = new Set([
  '06012', // 道路不洁
  '06013', // 道路破损
  '06014', // 道路遗撒
  '06016', // 交通标线不清晰
  '06023', // 堤岸破损
  '06025', // 水域不洁
  '06026', // 河道污染
  '06046', // 占用河道
  '06050', // 路缘石缺损
  '06051', // 盲道缺损
  '08002', // 施工占道
  '08004', // 工地扬尘
  '08012', // 施工工地车轮夹带
  '10001', // 道路积雪、结冰
  '10002', // 架空线缆脱落
]);

export function categoryExtent(kind: CategoryKind, code: string): CategoryExtent {
  if (kind === 'event' && PREMISES.has(code)) return 'premises';
  if (kind === 'event' && LINEAR.has(code)) return 'linear';
  return 'point';
}

/** Multiplier of the distance half-value for each extent. */
export const EXTENT_SCALE: Readonly<Record<CategoryExtent, number>> = { premises: 0.5, point: 1, linear: 2 };
