/**
 * Address and place-name comparison for 智能判重. Two reports on one street name
 * different shops by their house numbers (人民路12号 vs 人民路58号): the same road with
 * a different number is a conflict, the same road and number a match. The same holds for
 * a building in a residential compound (柳岸新村12幢). Pure text rules, no geocoding.
 */
import { normaliseText } from './text-features';

/** A road (路/街/大道/巷/弄) followed by a house number, e.g. 人民路12号. */
const ROAD_NUMBER = /([\u4e00-\u9fff]{1,8}?(?:大道|路|街|巷|弄))(\d{1,4})号/g;
/** A compound followed by a building number, e.g. 柳岸新村12幢 / 石桥小区3号楼. */
const COMPOUND_BUILDING = /([\u4e00-\u9fff]{2,10}?(?:小区|新村|花园|公寓|家园|苑|村|园))(\d{1,3})(?:幢|栋|号楼)/g;

/** House numbers this close are the same frontage (a shop often spans two numbers). */
const SAME_FRONTAGE = 2;

export interface PlaceMarks {
  /** Road name → house numbers mentioned. */
  roads: ReadonlyMap<string, readonly number[]>;
  /** Compound name → building numbers mentioned. */
  compounds: ReadonlyMap<string, readonly number[]>;
}

function collect(text: string, pattern: RegExp): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const m of text.matchAll(pattern)) {
    const name = m[1];
    const n = Number(m[2]);
    if (!name || !Number.isFinite(n)) continue;
    // The last three characters name the road well enough and drop what the lazy match
    // took in front ("在人民路" and "人民路" are one road).
    const key = name.slice(-3);
    const list = out.get(key) ?? [];
    list.push(n);
    out.set(key, list);
  }
  return out;
}

/** The road numbers and compound buildings named in an address and a description. */
export function placeMarks(...texts: readonly (string | null | undefined)[]): PlaceMarks {
  const text = normaliseText(texts.filter(Boolean).join(' '));
  return { roads: collect(text, ROAD_NUMBER), compounds: collect(text, COMPOUND_BUILDING) };
}

export interface PlaceComparison {
  /** Both name the same road and number (or compound and building). */
  match: boolean;
  /** Both name the same road (or compound) with numbers that differ: two different premises. */
  conflict: boolean;
  /**
   * Both name premises (a road and number, or a compound and building) and none of them
   * match: not the same place as far as the text tells, though perhaps a corner seen from
   * two roads. Too weak to lower the score, strong enough to stop an auto-merge.
   */
  differs: boolean;
}

function compareMaps(
  a: ReadonlyMap<string, readonly number[]>,
  b: ReadonlyMap<string, readonly number[]>,
  near: number,
): Omit<PlaceComparison, 'differs'> {
  let match = false;
  let shared = false;
  for (const [key, numbers] of a) {
    const other = b.get(key);
    if (!other) continue;
    shared = true;
    if (numbers.some((n) => other.some((m) => Math.abs(n - m) <= near))) match = true;
  }
  return { match, conflict: shared && !match };
}

export function comparePlaces(a: PlaceMarks, b: PlaceMarks): PlaceComparison {
  const roads = compareMaps(a.roads, b.roads, SAME_FRONTAGE);
  const compounds = compareMaps(a.compounds, b.compounds, 0);
  const match = roads.match || compounds.match;
  const named = (x: PlaceMarks) => x.roads.size > 0 || x.compounds.size > 0;
  return { match, conflict: !match && (roads.conflict || compounds.conflict), differs: !match && named(a) && named(b) };
}
