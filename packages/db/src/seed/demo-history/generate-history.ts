/**
 * The demo city's year of cases, generated in memory from a seed: every row of `cases`,
 * `case_events` (timeline and stream, ids and stream positions in time order) and
 * `case_departments` the transition core would have written had each step been taken
 * through the API. Deterministic for a given seed, context and "now".
 */
import { CASE_ACTIONS, type CaseAction } from '@citygov/domain/cases/case-actions';
import { CASE_NOTES, type CaseEventKind } from '@citygov/domain/cases/case-notes';
import { CASE_SOURCES, type CaseSource, type CaseStage, type Urgency } from '@citygov/domain/cases/case-states';
import { warningInstant } from '@citygov/domain/deadlines/countdown';
import { addTimeLimit, type LimitUnit } from '@citygov/domain/deadlines/time-limits';
import type { WorkingCalendar } from '@citygov/domain/deadlines/working-calendar';
import { seededRandom } from '@citygov/domain/seeded-random';
import { TRACKING_ALPHABET, TRACKING_CODE_LENGTH } from '@citygov/domain/tracking/tracking-code';
import { caseStateAt, type LifeStep, planCaseLife, type StepRole, stepsUntil } from './case-life';
import {
  type DistrictStaff,
  type HistoryCategory,
  type HistoryContext,
  type HistoryDepartment,
  type HistoryPerson,
  limitKey,
} from './history-context';
import {
  cumulative,
  dayWeight,
  HOUR_WEIGHTS,
  historyDays,
  pickIndex,
  reportInstant,
  shareOfDayBefore,
} from './history-rhythm';

/** Shares of the channels cases come in by. */
export const SOURCE_MIX: readonly (readonly [CaseSource, number])[] = [
  ['collector', 0.5],
  ['hotline', 0.18],
  ['public', 0.14],
  ['video', 0.08],
  ['patrol', 0.04],
  ['iot', 0.03],
  ['leader', 0.015],
  ['media', 0.015],
];
const SOURCE_SHARES = cumulative(SOURCE_MIX.map(([, w]) => w));

/** Which sample reports read like each channel (the samples are labelled by channel). */
const SAMPLE_CHANNEL: Record<CaseSource, string> = {
  collector: 'collector',
  patrol: 'collector',
  hotline: 'hotline',
  public: 'citizen',
  media: 'citizen',
  leader: 'hotline',
  video: 'camera',
  iot: 'iot',
};
/** Share of cases told in a sample report's own words (the rest name any category of the catalogue). */
const SAMPLE_TEXT_SHARE = 0.75;
/** Of the cases with an earlier open report of the same problem in the street within days, the share merged (并案). */
const MERGE_SHARE = 0.35;
const MERGE_WINDOW_MS = 7 * 86_400_000;
/** Case numbers of the history start here in each year, so they read like any other. */
const WARNING_RATIO = 0.8;

const SYSTEM_NAMES: Partial<Record<CaseSource, string>> = {
  video: '系统（视频智能识别）',
  iot: '系统（物联网感知）',
};
const CITIZEN_SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '赵',
  '黄',
  '周',
  '吴',
  '徐',
  '孙',
  '胡',
  '朱',
  '高',
  '林',
];

const PLACE_PHRASES = [
  '靠近路口',
  '公交站台旁',
  '沿街店铺门前',
  '小区南门外',
  '人行道上',
  '桥下',
  '菜场门口',
  '学校附近',
];
const EFFECT_PHRASES = ['影响行人通行', '群众多次反映', '已持续数日', '存在安全隐患', '影响市容', '请尽快处理'];

export interface CaseRowOut {
  id: number;
  case_no: string;
  source: CaseSource;
  kind: 'component' | 'event';
  category_code: string;
  urgency: Urgency;
  description: string;
  address: string;
  lng: number;
  lat: number;
  grid_id: number;
  community_id: number;
  street_id: number;
  district_id: number;
  reporter_name: string | null;
  reported_by: number | null;
  tracking_code: string | null;
  status: string;
  version: number;
  pending_kind: string | null;
  pending_data: Record<string, unknown> | null;
  check_result: string | null;
  hung_up_from: string | null;
  assignee_id: number | null;
  lead_department_id: number | null;
  forced: boolean;
  merged_into_id: number | null;
  stage: CaseStage | null;
  stage_unit: LimitUnit | null;
  stage_started_at: string | null;
  stage_warn_at: string | null;
  stage_deadline_at: string | null;
  paused_at: string | null;
  supervised: boolean;
  difficult: boolean;
  reported_at: string;
  filed_at: string | null;
  dispatched_at: string | null;
  closed_at: string | null;
  updated_at: string;
}

export interface EventRowOut {
  id: number;
  seq: number;
  case_id: number;
  at: string;
  actor_kind: 'person' | 'system';
  actor_id: number | null;
  actor_name: string | null;
  action: CaseEventKind;
  label: string;
  from_status: string | null;
  to_status: string;
  reason: string | null;
  detail: Record<string, unknown> | null;
}

export interface CaseDepartmentRowOut {
  case_id: number;
  department_id: number;
  role: 'lead';
  assigned_at: string;
}

export interface GeneratedHistory {
  cases: CaseRowOut[];
  events: EventRowOut[];
  caseDepartments: CaseDepartmentRowOut[];
  /** Last case number used per year, for the number counters. */
  lastNumberByYear: Map<number, number>;
}

export interface GenerateOptions {
  count: number;
  nowMs: number;
  days?: number;
  seed?: number;
  calendar: WorkingCalendar;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** Natural length a limit usually spans (working hours are spread over whole days and weekends). */
export function nominalLimitMs(limit: { amount: number; unit: LimitUnit } | undefined): number {
  if (!limit) return 4 * 3_600_000;
  const hours = limit.unit === 'natural_hours' ? 1 : limit.unit === 'working_hours' ? 3 : 24 * 1.4;
  return Math.max(1, limit.amount) * hours * 3_600_000;
}

/** The channel of a case, drawn by the source mix. */
export function sourceOf(u: number): CaseSource {
  return SOURCE_MIX[pickIndex(SOURCE_SHARES, u)]?.[0] ?? 'collector';
}

function trackingCode(rand: () => number): string {
  let code = '';
  for (let i = 0; i < TRACKING_CODE_LENGTH; i++)
    code += TRACKING_ALPHABET[Math.floor(rand() * TRACKING_ALPHABET.length)];
  return code;
}

/** A description in the channel's voice for a category no sample report covers. */
export function templateText(source: CaseSource, place: string, category: string, u: number, v: number): string {
  const where = PLACE_PHRASES[Math.floor(u * PLACE_PHRASES.length)] ?? '';
  const effect = EFFECT_PHRASES[Math.floor(v * EFFECT_PHRASES.length)] ?? '';
  switch (source) {
    case 'hotline':
    case 'leader':
      return `市民来电反映：${place}${where}${category}问题，${effect}，要求核查处理。`;
    case 'public':
    case 'media':
      return `${place}${where}有${category}的问题，${effect}，希望尽快处理`;
    case 'video':
      return `AI识别：${place}${where}疑似${category}，置信度0.${80 + Math.floor(u * 19)}`;
    case 'iot':
      return `传感器告警：${place}${category}异常，${effect}`;
    default:
      return `${place}${where}发现${category}，${effect}。`;
  }
}

interface Pool {
  byChannel: Map<string, { text: string; category: HistoryCategory; urgency: Urgency }[]>;
  categoryByCode: Map<string, HistoryCategory>;
}

function samplePool(context: HistoryContext): Pool {
  const categoryByCode = new Map<string, HistoryCategory>();
  for (const c of context.categories) if (!categoryByCode.has(c.code)) categoryByCode.set(c.code, c);
  const byChannel = new Map<string, { text: string; category: HistoryCategory; urgency: Urgency }[]>();
  for (const s of context.samples) {
    const category = categoryByCode.get(s.code);
    if (!category) continue;
    const list = byChannel.get(s.source) ?? [];
    list.push({ text: s.text, category, urgency: s.urgency });
    byChannel.set(s.source, list);
  }
  return { byChannel, categoryByCode };
}

function personOf(staff: DistrictStaff | undefined, role: StepRole, streetId: number, dept: HistoryDepartment | null) {
  if (!staff) return null;
  if (role === 'handler') return dept?.handler ?? null;
  if (role === 'collector') return staff.streetCollectors.get(streetId) ?? staff.people.collector ?? null;
  if (role === 'reporter' || role === 'system') return null;
  return staff.people[role] ?? null;
}

/** Generates the whole history; cases and events come out in time order with ids from 1. */
export function generateHistory(context: HistoryContext, options: GenerateOptions): GeneratedHistory {
  const rand = seededRandom(options.seed ?? 20_260_101);
  const days = historyDays(options.nowMs, options.days ?? 365);
  const first = days[0] ?? 0;
  const hourShares = cumulative(HOUR_WEIGHTS);
  // Today (the last day) has had only the part of its reports that arrive before now.
  const todayShare = shareOfDayBefore(hourShares, options.nowMs);
  const dayShares = cumulative(
    days.map((d, i) => dayWeight(d, first, days.length) * (i === days.length - 1 ? todayShare : 1)),
  );
  const pool = samplePool(context);
  const grids = context.grids;
  if (grids.length === 0 || context.categories.length === 0) throw new Error('the demo city is not seeded');

  // Report instants first, sorted: ids and case numbers follow time as they would in a live system.
  const instants = Array.from({ length: options.count }, () =>
    reportInstant(days, dayShares, hourShares, options.nowMs, rand(), rand(), rand()),
  ).sort((a, b) => a - b);

  const cases: CaseRowOut[] = [];
  const caseDepartments: CaseDepartmentRowOut[] = [];
  const pending: {
    caseId: number;
    step: LifeStep;
    from: string | null;
    to: string;
    actor: EventActorOut;
    detail: Record<string, unknown> | null;
  }[] = [];
  const lastNumberByYear = new Map<number, number>();
  /** street:kind:code → the latest case of that problem there that can take merges. */
  const openLeads = new Map<string, { id: number; caseNo: string; at: number; until: number; life: LifeStep[] }>();

  instants.forEach((reportedAt, index) => {
    const id = index + 1;
    const grid = grids[Math.floor(rand() * grids.length)] as (typeof grids)[number];
    const staff = context.districts.get(grid.districtId);
    const source = sourceOf(rand());
    const samples = pool.byChannel.get(SAMPLE_CHANNEL[source]) ?? [];
    let text: string;
    let category: HistoryCategory;
    let urgency: Urgency;
    const sample =
      samples.length > 0 && rand() < SAMPLE_TEXT_SHARE ? samples[Math.floor(rand() * samples.length)] : undefined;
    if (sample) {
      ({ text, category, urgency } = sample);
    } else {
      category = context.categories[Math.floor(rand() * context.categories.length)] as HistoryCategory;
      text = templateText(source, grid.name, category.name, rand(), rand());
      urgency = rand() < 0.05 ? 'urgent' : 'normal';
    }
    const limitOf = (stage: CaseStage) => context.limits.get(limitKey(category.kind, category.code, urgency, stage));
    const leadKey = `${grid.streetId}:${category.kind}:${category.code}`;
    const lead = openLeads.get(leadKey);
    const mergeIntoLead =
      lead !== undefined && reportedAt - lead.at < MERGE_WINDOW_MS && reportedAt < lead.until && rand() < MERGE_SHARE;

    const life = planCaseLife(rand, {
      reportedAt,
      stageLimitMs: (stage) => nominalLimitMs(limitOf(stage)),
      mergeIntoLead,
    });
    const steps = stepsUntil(life, options.nowMs);
    const state = caseStateAt(steps);
    const lastStep = life[life.length - 1];
    const endsAlive =
      lastStep !== undefined && !['merge', 'refuseFiling', 'submitVerification'].includes(lastStep.action);
    const departments = staff?.departments ?? [];
    const dept =
      departments.length === 0
        ? null
        : (departments[(hashCode(category.code) + (rand() < 0.15 ? 1 : 0)) % departments.length] ?? null);

    const year = new Date(reportedAt + 8 * 3_600_000).getUTCFullYear();
    const number = (lastNumberByYear.get(year) ?? 0) + 1;
    lastNumberByYear.set(year, number);
    const caseNo = `${year}${String(number).padStart(8, '0')}`;
    if (endsAlive && !mergeIntoLead)
      openLeads.set(leadKey, { id, caseNo, at: reportedAt, until: lastStep?.at ?? reportedAt, life });

    const reporter = reporterOf(source, staff, grid.streetId, rand);
    const clock = clockOf(state, limitOf, options.calendar);
    const collector = personOf(staff, 'collector', grid.streetId, dept);
    const extensionStep = [...steps].reverse().find((s) => s.action === 'requestExtension');
    cases.push({
      id,
      case_no: caseNo,
      source,
      kind: category.kind,
      category_code: category.code,
      urgency,
      description: text,
      address: `${grid.name}附近`,
      lng: grid.lng,
      lat: grid.lat,
      grid_id: grid.id,
      community_id: grid.communityId,
      street_id: grid.streetId,
      district_id: grid.districtId,
      reporter_name: reporter.name,
      reported_by: reporter.id,
      tracking_code: source === 'public' || source === 'hotline' ? trackingCode(rand) : null,
      status: state.status,
      version: state.version,
      pending_kind: state.pendingKind,
      pending_data:
        state.pendingKind === 'extension' && extensionStep
          ? {
              extension: { amount: (extensionStep.extensionHours ?? 24) / 24, unit: 'working_days' },
              requestedBy: dept?.handler?.name ?? '部门处置员',
            }
          : null,
      check_result: state.checkResult,
      hung_up_from: state.hungUpFrom,
      assignee_id: steps.some((s) => s.action === 'requestVerify' || s.action === 'requestCheck')
        ? (collector?.id ?? null)
        : null,
      lead_department_id: state.dispatched && state.status !== 'filed' ? (dept?.id ?? null) : null,
      forced: state.forced,
      merged_into_id: mergeIntoLead && state.status === 'merged' ? (lead?.id ?? null) : null,
      ...clock,
      supervised: state.supervised,
      difficult: false,
      reported_at: iso(reportedAt),
      filed_at: state.filedAt === null ? null : iso(state.filedAt),
      dispatched_at: state.dispatchedAt === null ? null : iso(state.dispatchedAt),
      closed_at: state.closedAt === null ? null : iso(state.closedAt),
      updated_at: iso(state.updatedAt),
    });
    if (state.dispatched && state.status !== 'filed' && dept && state.dispatchedAt !== null) {
      caseDepartments.push({ case_id: id, department_id: dept.id, role: 'lead', assigned_at: iso(state.dispatchedAt) });
    }

    // Timeline: replay the steps for their from/to states.
    let status: string | null = null;
    const replay: LifeStep[] = [];
    for (const step of steps) {
      replay.push(step);
      const after = caseStateAt(replay).status;
      const actor = actorOf(step.by, source, reporter, staff, grid.streetId, dept);
      pending.push({
        caseId: id,
        step,
        from: step.action === 'report' ? null : status,
        to: after,
        actor,
        detail: detailOf(step, { source, category, grid: grid.name, dept, collector, lead }),
      });
      if (step.action === 'merge' && lead) {
        // The lead's timeline notes who joined it, in the state the lead was in at that moment.
        const leadStatus = caseStateAt(stepsUntil(lead.life, step.at)).status;
        pending.push({
          caseId: lead.id,
          step: { action: 'mergeIn', at: step.at, by: 'shiftLead', reason: null },
          from: leadStatus,
          to: leadStatus,
          actor,
          detail: { merged: caseNo, mergedId: id },
        });
      }
      status = after;
    }
  });

  pending.sort((a, b) => a.step.at - b.step.at || a.caseId - b.caseId);
  const events: EventRowOut[] = pending.map((p, i) => ({
    id: i + 1,
    seq: i + 1,
    case_id: p.caseId,
    at: iso(p.step.at),
    actor_kind: p.actor.kind,
    actor_id: p.actor.id,
    actor_name: p.actor.name,
    action: p.step.action,
    label: labelOf(p.step.action),
    from_status: p.from,
    to_status: p.to,
    reason: p.step.reason,
    detail: p.detail,
  }));
  return { cases, events, caseDepartments, lastNumberByYear };
}

interface EventActorOut {
  kind: 'person' | 'system';
  id: number | null;
  name: string;
}

function hashCode(text: string): number {
  let h = 0;
  for (const ch of text) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return h;
}

function labelOf(action: CaseEventKind): string {
  if (Object.hasOwn(CASE_NOTES, action)) return CASE_NOTES[action as keyof typeof CASE_NOTES];
  return CASE_ACTIONS[action as CaseAction].label;
}

function reporterOf(
  source: CaseSource,
  staff: DistrictStaff | undefined,
  streetId: number,
  rand: () => number,
): { id: number | null; name: string; kind: 'person' | 'system' } {
  const system = SYSTEM_NAMES[source];
  if (system) return { id: null, name: system, kind: 'system' };
  if (source === 'public' || source === 'media') {
    const surname = CITIZEN_SURNAMES[Math.floor(rand() * CITIZEN_SURNAMES.length)] ?? '王';
    return { id: null, name: `${surname}${rand() < 0.5 ? '先生' : '女士'}`, kind: 'person' };
  }
  const person =
    source === 'collector' || source === 'patrol'
      ? (staff?.streetCollectors.get(streetId) ?? staff?.people.collector)
      : staff?.people.acceptor;
  return person ? { ...person, kind: 'person' } : { id: null, name: '监督员', kind: 'person' };
}

function actorOf(
  role: StepRole,
  source: CaseSource,
  reporter: { id: number | null; name: string; kind: 'person' | 'system' },
  staff: DistrictStaff | undefined,
  streetId: number,
  dept: HistoryDepartment | null,
): EventActorOut {
  if (role === 'reporter') return { kind: reporter.kind, id: reporter.id, name: reporter.name };
  const person: HistoryPerson | null = personOf(staff, role, streetId, dept);
  if (person) return { kind: 'person', id: person.id, name: person.name };
  const fallback = role === 'handler' ? (dept?.name ?? '处置部门') : CASE_SOURCES[source];
  return { kind: 'person', id: null, name: fallback };
}

function detailOf(
  step: LifeStep,
  facts: {
    source: CaseSource;
    category: HistoryCategory;
    grid: string;
    dept: HistoryDepartment | null;
    collector: HistoryPerson | null;
    lead: { id: number; caseNo: string } | undefined;
  },
): Record<string, unknown> | null {
  switch (step.action) {
    case 'report':
      return { source: CASE_SOURCES[facts.source], category: facts.category.name, grid: facts.grid };
    case 'dispatch':
      return facts.dept ? { lead: facts.dept.name } : null;
    case 'requestVerify':
    case 'requestCheck':
      return facts.collector ? { assignee: facts.collector.name } : null;
    case 'submitVerification':
    case 'submitCheck':
      return { confirmed: step.confirmed ?? true };
    case 'requestExtension':
    case 'approveExtension':
      return { extension: { amount: (step.extensionHours ?? 24) / 24, unit: 'working_days' } };
    case 'merge':
      return facts.lead ? { into: facts.lead.caseNo, intoId: facts.lead.id } : null;
    default:
      return null;
  }
}

/** The stage clock columns for the state a case is in now, from the category's real limit. */
function clockOf(
  state: ReturnType<typeof caseStateAt>,
  limitOf: (stage: CaseStage) => { amount: number; unit: LimitUnit } | undefined,
  calendar: WorkingCalendar,
) {
  const none = { stage: null, stage_unit: null, stage_started_at: null, stage_warn_at: null, stage_deadline_at: null };
  if (state.stage === null || state.stageStartedAt === null) return { ...none, paused_at: null };
  const limit = limitOf(state.stage);
  const started = new Date(state.stageStartedAt);
  const paused = state.pausedAt === null ? null : iso(state.pausedAt);
  if (!limit) return { ...none, stage: state.stage, stage_started_at: iso(state.stageStartedAt), paused_at: paused };
  const deadline = new Date(addTimeLimit(calendar, started, limit).getTime() + state.extendedMs + state.pausedMs);
  return {
    stage: state.stage,
    stage_unit: limit.unit,
    stage_started_at: started.toISOString(),
    stage_warn_at: warningInstant(calendar, started, deadline, limit.unit, WARNING_RATIO).toISOString(),
    stage_deadline_at: deadline.toISOString(),
    paused_at: paused,
  };
}
