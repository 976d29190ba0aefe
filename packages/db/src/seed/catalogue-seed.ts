/**
 * The 事部件 catalogue seed: GB/T 47678.5 major classes and categories (copied
 * beside this file so the repo does not depend on anything outside it), default
 * 立案/结案 conditions and default time limits per category × urgency × stage,
 * after the usual 数字城管 manual practice. Pure: builds rows, writes nothing.
 */
import {
  CASE_STAGES,
  CATEGORY_KINDS,
  type categories,
  type categoryMajors,
  type categoryTimeLimits,
  URGENCIES,
} from '../schema/catalogue';
import source from './categories-gb47678-5.json';

type CategoryKind = (typeof CATEGORY_KINDS)[number];
type CaseStage = (typeof CASE_STAGES)[number];
type MajorRow = typeof categoryMajors.$inferInsert;
type CategoryRow = typeof categories.$inferInsert;
type TimeLimitRow = typeof categoryTimeLimits.$inferInsert;
type LimitUnit = TimeLimitRow['unit'];

export interface CatalogueSeed {
  majors: MajorRow[];
  categories: CategoryRow[];
  timeLimits: TimeLimitRow[];
}

function asKind(value: string, where: string): CategoryKind {
  const kind = CATEGORY_KINDS.find((k) => k === value);
  if (!kind) throw new Error(`catalogue ${where}: unknown kind "${value}"`);
  return kind;
}

interface Conditions {
  fileCondition: string;
  closeCondition: string;
}

/** Event classes 01–05 are "<facility>异常"; the conditions talk about the facility itself. */
const facilityOf = (name: string) => name.replace(/异常/, '');
/** Avoid "…问题问题" / "…乱象行为" when a name already says what it is. */
const asProblem = (name: string) => (/(问题|乱象|秩序)$/.test(name) ? name : `${name}问题`);
const asBehaviour = (name: string) => (/(问题|乱象|秩序)$/.test(name) ? name : `${name}行为`);

function componentConditions(major: string, name: string): Conditions {
  if (major === '04') {
    return {
      fileCondition: `${name}损坏、缺失、倒伏、枯死或被侵占，影响正常养护使用或存在安全隐患`,
      closeCondition: `${name}已修复、补植或恢复，现场无安全隐患`,
    };
  }
  return {
    fileCondition: `${name}破损、缺失、移位或被占用，影响正常使用或存在安全隐患`,
    closeCondition: `${name}已修复或更换，恢复正常使用，现场无安全隐患`,
  };
}

function eventConditions(major: string, name: string): Conditions {
  switch (major) {
    case '04': {
      const facility = facilityOf(name);
      return {
        fileCondition: `${facility}出现损坏、缺失、倒伏、枯死或被侵占等异常，影响正常养护使用或存在安全隐患`,
        closeCondition: `${facility}已修复、补植或恢复，现场无安全隐患`,
      };
    }
    case '01':
    case '02':
    case '03':
    case '05': {
      const facility = facilityOf(name);
      return {
        fileCondition: `${facility}出现破损、缺失、松动、移位或功能异常，影响正常使用或存在安全隐患`,
        closeCondition: `${facility}已修复或更换，功能恢复正常，现场无安全隐患`,
      };
    }
    case '06':
      return {
        fileCondition: `发现${asProblem(name)}，影响市容环境或群众正常生活`,
        closeCondition: `${asProblem(name)}已清理整治，现场恢复整洁有序`,
      };
    case '07':
      return {
        fileCondition: `发现${asProblem(name)}，有碍市容观瞻`,
        closeCondition: `${asProblem(name)}已清除或整改规范，市容恢复整洁`,
      };
    case '08':
      return {
        fileCondition: `施工现场存在${asProblem(name)}，影响周边环境、群众生活或通行安全`,
        closeCondition: `${asProblem(name)}已整改到位，施工现场符合管理规定`,
      };
    case '09':
      return {
        fileCondition: `存在${asBehaviour(name)}，影响街面秩序或通行`,
        closeCondition: `${asBehaviour(name)}已劝离或依法处理，现场秩序恢复`,
      };
    default:
      return {
        fileCondition: `发现${name}情况，影响通行安全或城市正常运行`,
        closeCondition: `${name}情况已处置完毕，隐患消除，现场恢复正常`,
      };
  }
}

interface Limit {
  amount: number;
  unit: LimitUnit;
}

/** Normal-urgency disposal (处置) time per kind and major class. */
function normalHandleLimit(kind: CategoryKind, major: string): Limit {
  if (kind === 'component') {
    return major === '03' ? { amount: 3, unit: 'working_days' } : { amount: 5, unit: 'working_days' };
  }
  switch (major) {
    case '01': // 井盖 and other public-utility facilities: safety first
    case '03':
      return { amount: 1, unit: 'working_days' };
    case '02':
      return { amount: 2, unit: 'working_days' };
    case '04':
    case '05':
      return { amount: 3, unit: 'working_days' };
    case '06': // 市容环境
    case '09': // 街面秩序
      return { amount: 2, unit: 'working_hours' };
    case '07': // 宣传广告
    case '10': // 其他事项 (积雪结冰, 线缆脱落)
      return { amount: 4, unit: 'working_hours' };
    case '08': // 施工管理
      return { amount: 1, unit: 'working_days' };
    default:
      return { amount: 1, unit: 'working_days' };
  }
}

function limitFor(kind: CategoryKind, major: string, urgency: TimeLimitRow['urgency'], stage: CaseStage): Limit {
  if (urgency === 'urgent') {
    if (stage === 'handle') return { amount: kind === 'event' ? 2 : 4, unit: 'natural_hours' };
    return { amount: 1, unit: 'natural_hours' };
  }
  switch (stage) {
    case 'handle':
      return normalHandleLimit(kind, major);
    case 'check':
      return { amount: 2, unit: 'working_hours' };
    default: // accept, file, dispatch, close
      return { amount: 1, unit: 'working_hours' };
  }
}

export function buildCatalogueSeed(): CatalogueSeed {
  const majors: MajorRow[] = source.majors.map((m) => ({
    kind: asKind(m.kind, `major ${m.code}`),
    code: m.code,
    name: m.name,
  }));
  const majorKeys = new Set(majors.map((m) => `${m.kind}:${m.code}`));

  const categoryRows: CategoryRow[] = [];
  const timeLimits: TimeLimitRow[] = [];
  for (const item of source.items) {
    const kind = asKind(item.kind, `item ${item.code}`);
    if (!majorKeys.has(`${kind}:${item.major}`)) {
      throw new Error(`catalogue item ${kind} ${item.code}: unknown major ${item.major}`);
    }
    const conditions =
      kind === 'component' ? componentConditions(item.major, item.name) : eventConditions(item.major, item.name);
    categoryRows.push({
      kind,
      code: item.code,
      majorCode: item.major,
      name: item.name,
      synonyms: item.synonyms,
      ...conditions,
    });
    for (const urgency of URGENCIES) {
      for (const stage of CASE_STAGES) {
        timeLimits.push({ kind, code: item.code, urgency, stage, ...limitFor(kind, item.major, urgency, stage) });
      }
    }
  }
  return { majors, categories: categoryRows, timeLimits };
}
