/**
 * A seeded generator of labelled reports for the intake benchmark: event categories,
 * varied phrasing per source (collector notes, colloquial citizen complaints with
 * typos, hotline transcripts, camera and sensor alarms), places and points in the demo
 * city, timestamps, KNOWN duplicate groups and hard negatives. Deterministic
 * (mulberry32 from the demo seed), no Math.random.
 *
 * Texts are built from templates + the catalogue's names + `vocabulary.ts` + demo place
 * names; nothing comes from the sample reports the model trains on.
 *
 * Roles:
 * - `single`: an unrelated report (60 % around one of 80 hot spots — markets, schools,
 *   stations — so unrelated reports do fall near each other);
 * - `duplicate`: one of 2–4 reports of the same problem by different sources, within
 *   hours and tens of metres (GPS / map-pin / address-geocoding noise by source);
 * - `near-other`: same category 25–300 m from an anchor report within 12 hours, a
 *   different problem (two overflowing bins on one street) (hard negative);
 * - `same-place-other-category`: within 25 m and a few hours of an anchor, another
 *   category (half the time of the same major class) (hard negative);
 * - `same-spot-later`: same category within 40 m of an anchor, 1–6 days later, a new
 *   occurrence after the first was dealt with (hard negative);
 * - `open-re-report`: the same problem reported again 1–6 days later while the first
 *   report is still open (a true duplicate: nobody fixed it);
 * - `next-shop`: a shop-front category (店外经营 …) at another number of the same road
 *   55–90 m from an anchor, within hours, phrased alike (hard negative).
 * The last two draw from their own random stream, so the reports before them are the
 * same as when they did not exist. Each report carries the address an acceptor would
 * type (collectors, hotline and sensors: road and number; citizens and cameras: none),
 * and when its problem was closed (a group closes 4 h after its last report; the first
 * report of an `open-re-report` group stays open).
 */
import { buildCatalogueSeed } from '../../packages/db/src/seed/catalogue-seed';
import { COMMUNITY_NAMES } from '../../packages/db/src/seed/demo-place-names';
import { seededRandom } from '../../packages/domain/src/seeded-random';
import {
  BEHAVIOUR_PHRASES,
  COMMUNITY_SUFFIXES,
  DEFAULT_FAMILY,
  type DefectFamily,
  FACILITY_ALIASES,
  FACILITY_FAMILIES,
  IOT_ALARMS,
  LANDMARKS,
  ROAD_NAMES,
  TYPOS,
} from './vocabulary';

export type ReportSource = 'collector' | 'citizen' | 'hotline' | 'camera' | 'iot';
export type ReportRole =
  | 'single'
  | 'duplicate'
  | 'near-other'
  | 'same-place-other-category'
  | 'same-spot-later'
  | 'open-re-report'
  | 'next-shop';

export interface EvalReport {
  id: number;
  text: string;
  kind: 'event';
  categoryCode: string;
  source: ReportSource;
  lng: number;
  lat: number;
  at: Date;
  /** Reports with the same group describe the same problem; only `duplicate` groups have more than one. */
  group: number;
  role: ReportRole;
  /** The address field ('' when the reporter only dropped a pin). */
  address: string;
  /** When the problem was closed (null: still open at the end of the period). */
  closedAt: Date | null;
}

export interface GeneratorOptions {
  seed: number;
  duplicateGroups: number;
  singles: number;
  nearOther: number;
  samePlaceOtherCategory: number;
  sameSpotLater: number;
  openReReports: number;
  nextShop: number;
  /** First instant and length of the period the reports fall in. */
  start: Date;
  days: number;
}

export const DEFAULT_GENERATOR: Omit<GeneratorOptions, 'seed'> = {
  duplicateGroups: 380,
  singles: 850,
  nearOther: 160,
  samePlaceOtherCategory: 120,
  sameSpotLater: 120,
  openReReports: 80,
  nextShop: 80,
  start: new Date('2026-05-01T00:00:00+08:00'),
  days: 30,
};

/** The demo city's extent (lattice of the geography seed: 60 × 0.004° by 40 × 0.0035°). */
const CITY = { minLng: 120.08, maxLng: 120.32, minLat: 30.18, maxLat: 30.32 };
const M_PER_DEG_LAT = 111_195;
/** Shop-front categories the `next-shop` negatives are drawn from. */
const PREMISES_CODES = new Set(['06002', '06027', '07006', '09005', '09015', '09021', '09022']);
const M_PER_DEG_LNG = M_PER_DEG_LAT * Math.cos((30.25 * Math.PI) / 180);
const HOUR = 3_600_000;

interface Category {
  code: string;
  name: string;
  major: string;
  facility: string | null;
}

interface Site {
  lng: number;
  lat: number;
  road: string;
  crossRoad: string;
  number: number;
  community: string;
  building: number;
  landmark: string;
}

/** One real-world problem: where, what, which phrasing variant. */
interface Problem {
  category: Category;
  site: Site;
  variant: number;
}

class Random {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = seededRandom(seed);
  }
  float(): number {
    return this.next();
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }
  normal(): number {
    const u = Math.max(1e-12, this.next());
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    const total = items.reduce((sum, [, w]) => sum + w, 0);
    let u = this.next() * total;
    for (const [item, w] of items) {
      u -= w;
      if (u <= 0) return item;
    }
    const last = items[items.length - 1];
    if (!last) throw new Error('weighted pick from an empty list');
    return last[0];
  }
}

function eventCategories(): Category[] {
  return buildCatalogueSeed()
    .categories.filter((c) => c.kind === 'event')
    .map((c) => ({
      code: c.code,
      name: c.name,
      major: c.majorCode,
      facility: Number(c.majorCode) <= 5 ? (c.synonyms?.[0] ?? c.name.replace(/异常$/, '')) : null,
    }))
    .filter((c) => c.facility !== null || BEHAVIOUR_PHRASES.has(c.code));
}

/** Street-level classes are reported far more often than facility faults. */
function categoryWeight(c: Category): number {
  if (c.facility) return 1;
  return c.major === '10' ? 2 : 3;
}

function familyOf(facility: string): DefectFamily {
  return FACILITY_FAMILIES.find((f) => f.test.test(facility)) ?? DEFAULT_FAMILY;
}

function offset(lng: number, lat: number, eastM: number, northM: number) {
  return { lng: lng + eastM / M_PER_DEG_LNG, lat: lat + northM / M_PER_DEG_LAT };
}

function clampToCity(p: { lng: number; lat: number }) {
  return {
    lng: Math.min(CITY.maxLng - 0.0005, Math.max(CITY.minLng + 0.0005, p.lng)),
    lat: Math.min(CITY.maxLat - 0.0005, Math.max(CITY.minLat + 0.0005, p.lat)),
  };
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

export function generateReports(options: GeneratorOptions): EvalReport[] {
  let rnd = new Random(options.seed);
  const categories = eventCategories();
  const weightedCategories = categories.map((c) => [c, categoryWeight(c)] as const);
  const hotSpots = Array.from({ length: 80 }, () => ({
    lng: CITY.minLng + rnd.float() * (CITY.maxLng - CITY.minLng),
    lat: CITY.minLat + rnd.float() * (CITY.maxLat - CITY.minLat),
  }));
  const communityNames = COMMUNITY_NAMES.map((n) => `${n}${rnd.pick(COMMUNITY_SUFFIXES)}`);

  const siteAt = (point: { lng: number; lat: number }): Site => {
    const road = rnd.pick(ROAD_NAMES);
    let crossRoad = rnd.pick(ROAD_NAMES);
    if (crossRoad === road) crossRoad = ROAD_NAMES[(ROAD_NAMES.indexOf(road) + 7) % ROAD_NAMES.length] ?? crossRoad;
    return {
      ...clampToCity(point),
      road,
      crossRoad,
      number: rnd.int(1, 399),
      community: rnd.pick(communityNames),
      building: rnd.int(1, 36),
      landmark: rnd.pick(LANDMARKS),
    };
  };
  const randomSite = (): Site => {
    if (rnd.chance(0.6)) {
      const spot = rnd.pick(hotSpots);
      return siteAt(offset(spot.lng, spot.lat, rnd.normal() * 250, rnd.normal() * 250));
    }
    return siteAt({
      lng: CITY.minLng + rnd.float() * (CITY.maxLng - CITY.minLng),
      lat: CITY.minLat + rnd.float() * (CITY.maxLat - CITY.minLat),
    });
  };
  const nearbySite = (site: Site, minM: number, maxM: number): Site => {
    const angle = rnd.float() * 2 * Math.PI;
    const distance = minM + rnd.float() * (maxM - minM);
    const moved = siteAt(offset(site.lng, site.lat, Math.cos(angle) * distance, Math.sin(angle) * distance));
    // Often still on the same road, a different number.
    return rnd.chance(0.5) ? { ...moved, road: site.road } : moved;
  };
  const randomTime = (): Date => {
    const day = rnd.int(0, options.days - 1);
    const hour = rnd.chance(0.9) ? 7 + rnd.float() * 15 : rnd.float() * 24;
    return new Date(options.start.getTime() + day * 24 * HOUR + hour * HOUR);
  };

  // ——— places, as each source would write them ———
  const side = () => rnd.pick(['', '东侧', '西侧', '南侧', '北侧', '门口', '旁', '对面', '附近']);
  const formalPlace = (s: Site) =>
    rnd.weighted<() => string>([
      [() => `${s.road}${s.number}号${side()}`, 4],
      [() => `${s.road}与${s.crossRoad}交叉口${rnd.pick(['东北角', '西南角', '东南角', '西北角', ''])}`, 2],
      [() => `${s.community}${s.building}幢${side()}`, 2],
      [() => `${s.road}${s.landmark}${side()}`, 2],
    ])();
  const colloquialPlace = (s: Site) =>
    rnd.weighted<() => string>([
      [() => `${s.road}那个${s.landmark}旁边`, 2],
      [() => `我们${s.community}${s.building}栋楼下`, 2],
      [() => `${s.road}${s.number}号这边`, 2],
      [() => `${s.community}门口`, 1],
      [() => `${s.landmark}${rnd.pick(['门口', '对面', '边上'])}`, 1],
    ])();

  // ——— what, by style ———
  const formalClause = (p: Problem, variant: number): string => {
    const f = p.category.facility;
    if (f) {
      const family = familyOf(f);
      return `${f}${family.formal[variant % family.formal.length]}`;
    }
    const phrases = BEHAVIOUR_PHRASES.get(p.category.code);
    if (!phrases) throw new Error(`no phrases for ${p.category.code}`);
    return phrases.formal[variant % phrases.formal.length] ?? phrases.alarm;
  };
  const colloquialClause = (p: Problem, variant: number): string => {
    const f = p.category.facility;
    if (f) {
      const family = familyOf(f);
      const alias = FACILITY_ALIASES[f];
      const name = alias && rnd.chance(0.7) ? rnd.pick(alias) : f;
      return `${name}${family.colloquial[variant % family.colloquial.length]}`;
    }
    const phrases = BEHAVIOUR_PHRASES.get(p.category.code);
    if (!phrases) throw new Error(`no phrases for ${p.category.code}`);
    return phrases.colloquial[variant % phrases.colloquial.length] ?? phrases.alarm;
  };
  const alarmLabel = (p: Problem): string => {
    const f = p.category.facility;
    if (f) return `${f}${rnd.pick(familyOf(f).alarm)}`;
    return BEHAVIOUR_PHRASES.get(p.category.code)?.alarm ?? p.category.name;
  };
  /** Members of a duplicate group mostly describe the same aspect, sometimes another. */
  const variantFor = (p: Problem) => (rnd.chance(0.7) ? p.variant : p.variant + rnd.int(1, 3));

  const withTypos = (text: string): string => {
    let out = text;
    for (const [right, wrong] of TYPOS) if (out.includes(right) && rnd.chance(0.25)) out = out.replace(right, wrong);
    return out;
  };

  const textFor = (p: Problem, source: ReportSource, reportedAt: Date): string => {
    const v = variantFor(p);
    switch (source) {
      case 'collector':
        return `${rnd.pick(['', '', '巡查发现：', '日常巡查中发现'])}${formalPlace(p.site)}${formalClause(p, v)}${rnd.pick(
          [
            '，已拍照取证。',
            '，已告知当事人限期整改。',
            '，需相关部门处置。',
            '。',
            '，现场已设置警示。',
            '，建议尽快处理。',
          ],
        )}`;
      case 'hotline':
        return `${rnd.pick(['市民来电反映：', '来电人反映，', '12345转办：市民反映', '市民电话投诉：', '来电称'])}${formalPlace(
          p.site,
        )}${rnd.chance(0.5) ? formalClause(p, v) : colloquialClause(p, v)}${rnd.pick([
          '，请尽快处理。',
          '，要求有关部门查处。',
          '，希望尽快解决。',
          '。',
          '，来电人情绪较激动。',
        ])}`;
      case 'citizen':
        return withTypos(
          `${rnd.pick(['', '', '你好，', '投诉一下，', '又来了，', '有没有人管啊，'])}${colloquialPlace(p.site)}${colloquialClause(
            p,
            v,
          )}${rnd.pick(['，麻烦管一管', '！！', '，都好几天了', '，真的受不了了', '。', '，拍了照片你们看看', ''])}`,
        );
      case 'camera': {
        const hh = String((reportedAt.getUTCHours() + 8) % 24).padStart(2, '0');
        const mm = String(reportedAt.getUTCMinutes()).padStart(2, '0');
        return rnd.weighted<() => string>([
          [() => `AI识别：${formalPlace(p.site)}疑似${alarmLabel(p)}，置信度0.${rnd.int(70, 97)}`, 3],
          [() => `视频巡查抓拍：${formalPlace(p.site)}${alarmLabel(p)}，抓拍时间${hh}:${mm}`, 2],
          [() => `智能摄像头告警（点位${rnd.int(1000, 9999)}，${p.site.road}）：检测到${alarmLabel(p)}`, 2],
        ])();
      }
      case 'iot': {
        const template = IOT_ALARMS[p.category.code] ?? `{alarm}`;
        const filled = template
          .replace('{n}', String(rnd.int(1, 40)))
          .replace('{db}', String(rnd.int(68, 92)))
          .replace('{pm}', String(rnd.int(160, 480)))
          .replace('{pct}', String(rnd.int(92, 100)))
          .replace('{t}', String(-rnd.int(1, 6)))
          .replace('{alarm}', rnd.pick(p.category.facility ? familyOf(p.category.facility).alarm : ['告警']));
        return `【设备告警】${p.site.road}${p.site.number}号设备${rnd.int(100000, 999999)}：${filled}`;
      }
    }
  };

  const sourceFor = (c: Category, avoid: readonly ReportSource[] = []): ReportSource => {
    const options: [ReportSource, number][] = [
      ['collector', 0.32],
      ['citizen', 0.33],
      ['hotline', 0.2],
      ['camera', c.facility ? 0.05 : 0.12],
      ['iot', IOT_ALARMS[c.code] ? 0.1 : 0],
    ];
    const allowed = options.filter(([s, w]) => w > 0 && !avoid.includes(s));
    return rnd.weighted(allowed.length > 0 ? allowed : options.filter(([, w]) => w > 0));
  };

  /** Where a source puts the point: collector GPS, a map pin, an address geocode, a camera's view. */
  const pointFor = (site: Site, source: ReportSource) => {
    const jitter = (sigma: number, cap: number) => {
      const e = Math.max(-cap, Math.min(cap, rnd.normal() * sigma));
      const n = Math.max(-cap, Math.min(cap, rnd.normal() * sigma));
      return offset(site.lng, site.lat, e, n);
    };
    switch (source) {
      case 'collector':
        return jitter(8, 25);
      case 'citizen':
        return jitter(25, 80);
      case 'hotline':
        return jitter(40, 120);
      case 'camera': {
        const angle = rnd.float() * 2 * Math.PI;
        const d = 15 + rnd.float() * 20;
        return offset(site.lng, site.lat, Math.cos(angle) * d, Math.sin(angle) * d);
      }
      case 'iot':
        return jitter(3, 6);
    }
  };

  const reports: EvalReport[] = [];
  let group = 0;
  const emit = (p: Problem, source: ReportSource, at: Date, groupId: number, role: ReportRole) => {
    const point = pointFor(p.site, source);
    const report: EvalReport = {
      id: reports.length + 1,
      text: textFor(p, source, at),
      kind: 'event',
      categoryCode: p.category.code,
      source,
      lng: round6(point.lng),
      lat: round6(point.lat),
      at,
      group: groupId,
      role,
      address: source === 'citizen' || source === 'camera' ? '' : `${p.site.road}${p.site.number}号`,
      closedAt: null,
    };
    reports.push(report);
    return report;
  };
  const newProblem = (category = rnd.weighted(weightedCategories), site = randomSite()): Problem => ({
    category,
    site,
    variant: rnd.int(0, 3),
  });

  const anchors: { problem: Problem; at: Date }[] = [];
  for (let g = 0; g < options.duplicateGroups; g++) {
    const problem = newProblem();
    const size = rnd.weighted([
      [2, 45],
      [3, 35],
      [4, 20],
    ]);
    group++;
    const first = randomTime();
    const used: ReportSource[] = [];
    let at = first;
    for (let k = 0; k < size; k++) {
      const source = sourceFor(problem.category, used);
      used.push(source);
      emit(problem, source, at, group, 'duplicate');
      at = new Date(at.getTime() + Math.min(10, -Math.log(Math.max(1e-9, rnd.float())) * 1.7) * HOUR);
    }
    anchors.push({ problem, at: first });
  }
  for (let s = 0; s < options.singles; s++) {
    const problem = newProblem();
    const at = randomTime();
    emit(problem, sourceFor(problem.category), at, ++group, 'single');
    anchors.push({ problem, at });
  }
  for (let i = 0; i < options.nearOther; i++) {
    const anchor = rnd.pick(anchors);
    const problem: Problem = {
      category: anchor.problem.category,
      site: nearbySite(anchor.problem.site, 25, 300),
      variant: anchor.problem.variant + rnd.int(1, 3),
    };
    const at = new Date(anchor.at.getTime() + rnd.float() * 12 * HOUR);
    emit(problem, sourceFor(problem.category), at, ++group, 'near-other');
  }
  for (let i = 0; i < options.samePlaceOtherCategory; i++) {
    const anchor = rnd.pick(anchors);
    const sameMajor = categories.filter(
      (c) => c.major === anchor.problem.category.major && c.code !== anchor.problem.category.code,
    );
    const category =
      rnd.chance(0.5) && sameMajor.length > 0
        ? rnd.pick(sameMajor)
        : rnd.weighted(weightedCategories.filter(([c]) => c.major !== anchor.problem.category.major));
    const problem: Problem = { category, site: nearbySite(anchor.problem.site, 0, 25), variant: rnd.int(0, 3) };
    problem.site = { ...problem.site, road: anchor.problem.site.road, number: anchor.problem.site.number };
    const at = new Date(anchor.at.getTime() + rnd.float() * 6 * HOUR);
    emit(problem, sourceFor(category), at, ++group, 'same-place-other-category');
  }
  for (let i = 0; i < options.sameSpotLater; i++) {
    const anchor = rnd.pick(anchors);
    const problem: Problem = {
      category: anchor.problem.category,
      site: {
        ...nearbySite(anchor.problem.site, 0, 40),
        road: anchor.problem.site.road,
        number: anchor.problem.site.number,
      },
      variant: rnd.int(0, 3),
    };
    const at = new Date(anchor.at.getTime() + (1 + rnd.float() * 5) * 24 * HOUR);
    emit(problem, sourceFor(problem.category), at, ++group, 'same-spot-later');
  }

  // Roles added later draw from their own stream: the reports above stay as they were.
  rnd = new Random(options.seed + 7919);
  const stillOpen = new Set<number>();
  for (let i = 0; i < options.openReReports; i++) {
    const problem = newProblem();
    const first = randomTime();
    const source = sourceFor(problem.category);
    emit(problem, source, first, ++group, 'duplicate');
    stillOpen.add(group);
    const later = new Date(first.getTime() + (1 + rnd.float() * 5) * 24 * HOUR);
    emit(problem, sourceFor(problem.category, [source]), later, group, 'open-re-report');
  }
  const premises = categories.filter((c) => PREMISES_CODES.has(c.code));
  for (let i = 0; i < options.nextShop; i++) {
    const category = rnd.pick(premises);
    const anchor = newProblem(category);
    const at = randomTime();
    emit(anchor, sourceFor(category), at, ++group, 'single');
    const moved = nearbySite(anchor.site, 55, 90);
    const shop: Problem = {
      category,
      site: { ...moved, road: anchor.site.road, number: anchor.site.number + rnd.pick([-1, 1]) * rnd.int(6, 30) },
      variant: anchor.variant,
    };
    emit(shop, sourceFor(category), new Date(at.getTime() + rnd.float() * 8 * HOUR), ++group, 'next-shop');
  }

  const lastOf = new Map<number, number>();
  for (const r of reports) lastOf.set(r.group, Math.max(lastOf.get(r.group) ?? 0, r.at.getTime()));
  return reports
    .map((r) => ({ ...r, closedAt: stillOpen.has(r.group) ? null : new Date((lastOf.get(r.group) ?? 0) + 4 * HOUR) }))
    .sort((a, b) => a.at.getTime() - b.at.getTime())
    .map((r, i) => ({ ...r, id: i + 1 }));
}
