/**
 * What is evaluated (考核对象): areas at one level, departments, and people in one of
 * the four positions (岗位). Each kind has its own counters and indicators.
 */
export const POSITION_KINDS = ['collector', 'acceptor', 'shift_lead', 'dispatcher'] as const;
export type PositionKind = (typeof POSITION_KINDS)[number];

export const SUBJECT_KINDS = ['area', 'department', ...POSITION_KINDS] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

export const SUBJECT_KIND_NAMES: Record<SubjectKind, string> = {
  area: '区域',
  department: '部门',
  collector: '监督员',
  acceptor: '受理员',
  shift_lead: '值班长',
  dispatcher: '派遣员',
};

export const AREA_LEVELS = ['district', 'street', 'community', 'grid'] as const;
export type AreaLevel = (typeof AREA_LEVELS)[number];

export const AREA_LEVEL_NAMES: Record<AreaLevel, string> = {
  district: '区县',
  street: '街道',
  community: '社区',
  grid: '单元网格',
};

/**
 * Case facts counted per subject (计数项). Each counter is the set of cases it counts,
 * so every number can be opened as its case list.
 */
export const COUNTERS = {
  // 监督员
  reported: '上报数',
  reportedValid: '有效上报数',
  areaCases: '辖区案件数',
  missed: '漏报数',
  verified: '核实数',
  verifiedOnTime: '按时核实数',
  checked: '核查数',
  checkedOnTime: '按时核查数',
  // 受理员
  accepted: '受理数',
  verifyDispatched: '核实派发数',
  verifyDispatchedOnTime: '核实按时派发数',
  checkDispatched: '核查派发数',
  checkDispatchedOnTime: '核查按时派发数',
  // 值班长
  filed: '立案数',
  filedOnTime: '按时立案数',
  filedVoided: '立案后作废数',
  closed: '结案数',
  closedOnTime: '按时结案数',
  // 派遣员
  dispatched: '派遣数',
  dispatchedOnTime: '按时派遣数',
  dispatchedReworked: '派遣后返工数',
  // 区域
  cases: '案件数',
  shouldClose: '应结案数',
  areaClosed: '结案数',
  areaClosedOnTime: '按期结案数',
  deferred: '缓办数',
  reworked: '返工数',
  overdue: '超期数',
  supervisionReports: '监督员上报数',
  // 交叉抽查 (区域 and 部门): samples reviewed, found unqualified, and those deducted (计入考核)
  sampled: '抽查数',
  sampleFailed: '抽查不合格数',
  sampleDeducted: '抽查扣分数',
  // 部门
  assigned: '派遣至本部门数',
  handled: '处置数',
  handledOnTime: '按时处置数',
  deptReworked: '返工数',
  overdueHandling: '超期处置数',
} as const;
export type Counter = keyof typeof COUNTERS;
export const COUNTER_KEYS = Object.keys(COUNTERS) as Counter[];
