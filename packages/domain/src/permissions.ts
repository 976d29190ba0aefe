/**
 * The permission registry: every `resource.action` the platform knows, and which
 * role holds which. The BFF checks these on every procedure; the web app uses the
 * same table to decide what navigation to show. One source of truth for both.
 */
export const PERMISSIONS = {
  'portal.view': '查看门户',
  'todo.view': '查看待办',
  'map.view': '查看网格地图',
  'org.view': '查看组织机构',
  'org.manage': '管理组织机构',
  'user.view': '查看用户',
  'user.manage': '管理用户',
  'role.view': '查看角色权限',
  'auditLog.view': '查看操作日志',
  'category.view': '查看事部件分类',
  'category.manage': '管理事部件分类',
  'case.report': '上报案件',
  'case.accept': '受理案件',
  'case.verify': '核实案件',
  'case.file': '立案',
  'case.dispatch': '派遣案件',
  'case.handle': '处置案件',
  'case.check': '核查案件',
  'case.close': '结案',
  'case.view': '查看案件',
  'case.supervise': '督办案件',
  /** 领导批示: a leader's written instruction on a case, sent to whoever works it. */
  'case.instruct': '领导批示',
  'street.handle': '街面处置',
  'evaluation.view': '查看考核评价',
  'evaluation.publish': '发布与重新计算考核结果',
  'evaluation.configure': '配置考核指标',
  'rules.manage': '配置派遣规则与判重阈值',
  'crossCheck.review': '交叉抽查评审',
  'dashboard.view': '查看指挥大屏',
  'video.view': '查看视频监控',
  'video.control': '控制云台与回放录像',
  /** Device settings such as 取流方式 (within the administrator's area). */
  'video.manage': '管理视频设备',
  'iot.view': '查看物联感知设备',
  'iot.manage': '管理物联感知设备',
  'integration.manage': '管理外部系统接入与重发',
  /** 执法布控: enforcement subjects (当事人) with their histories, and the cases linked to them. */
  'enforcement.view': '查看执法信息',
  /** Link subjects to a case and push its 案源 to the enforcement system. */
  'enforcement.push': '推送执法案源',
  /** Full phone numbers and other personal data; masked for everyone else, and every full view is logged. */
  'personal.view': '查看完整个人信息',
  /** 信息采集: objects (shops, vendors, volunteer teams…) and their forms. */
  'collection.view': '查看信息采集',
  'collection.edit': '录入与导入信息采集',
  'collection.review': '审核信息采集与注销',
  /** A masked phone or ID number of a collected record in full; every view is logged. */
  'collection.reveal': '查看采集信息完整号码',
  /** The form definitions of the object types (a city-wide setting: city level only). */
  'collection.configure': '配置信息采集表单',
  /** 片长指挥: the event-centred scene of a case (nearby staff by live position, cameras). */
  'command.view': '查看指挥调度',
  /** 呼叫最近人员: send the case to the nearest available field worker. */
  'command.call': '呼叫最近人员',
  /** Field staff: 上岗/下岗, report their own GPS track, answer a call. */
  'staff.duty': '在岗上报位置',
} as const;

export type Permission = keyof typeof PERMISSIONS;

export const ROLES = {
  collector: '监督员',
  acceptor: '受理员',
  shift_lead: '值班长',
  dispatcher: '派遣员',
  dept_handler: '部门处置员',
  street_chief: '街长/片长',
  supervisor: '督查员',
  leader: '领导',
  admin: '系统管理员',
} as const;

export type Role = keyof typeof ROLES;

export const ROLE_CODES = Object.keys(ROLES) as Role[];

const EVERYONE: Permission[] = ['portal.view', 'todo.view', 'map.view', 'category.view'];

const ROLE_GRANTS: Record<Role, readonly Permission[]> = {
  collector: [
    ...EVERYONE,
    'case.report',
    'case.verify',
    'case.check',
    'collection.view',
    'collection.edit',
    'staff.duty',
  ],
  // Acceptors call reporters back; shift leads and dispatchers may need to reach them or a grid member.
  acceptor: [...EVERYONE, 'case.view', 'case.report', 'case.accept', 'personal.view', 'video.view', 'iot.view'],
  shift_lead: [
    ...EVERYONE,
    'case.view',
    'case.accept',
    'case.file',
    'case.close',
    'case.supervise',
    'personal.view',
    'video.view',
    'video.control',
    'iot.view',
    'dashboard.view',
    'enforcement.view',
    'enforcement.push',
    'collection.view',
    'collection.review',
    'collection.reveal',
    'command.view',
    'command.call',
  ],
  dispatcher: [
    ...EVERYONE,
    'case.view',
    'case.dispatch',
    'case.supervise',
    'org.view',
    'personal.view',
    'video.view',
    'video.control',
    'iot.view',
    'dashboard.view',
    'enforcement.view',
    'command.view',
    'command.call',
  ],
  dept_handler: [...EVERYONE, 'case.view', 'case.handle', 'iot.view', 'staff.duty'],
  // The enforcement area chief (执法片长) files and pushes 案源; chiefs hold one role for both lines.
  street_chief: [
    ...EVERYONE,
    'case.view',
    'case.report',
    'street.handle',
    'enforcement.view',
    'enforcement.push',
    'collection.view',
    'collection.edit',
    'staff.duty',
    'command.view',
    'command.call',
    // 片长指挥 shows the cameras near the case.
    'video.view',
  ],
  supervisor: [
    ...EVERYONE,
    'case.view',
    'case.supervise',
    'evaluation.view',
    'evaluation.publish',
    'evaluation.configure',
    'crossCheck.review',
    'auditLog.view',
    'dashboard.view',
    'collection.view',
    'collection.review',
  ],
  leader: [
    ...EVERYONE,
    'case.view',
    'case.supervise',
    'case.instruct',
    'evaluation.view',
    'dashboard.view',
    'org.view',
    'video.view',
    'iot.view',
    'enforcement.view',
    'collection.view',
  ],
  admin: [
    ...EVERYONE,
    'org.view',
    'org.manage',
    'user.view',
    'user.manage',
    'role.view',
    'auditLog.view',
    'category.manage',
    'rules.manage',
    'evaluation.configure',
    'dashboard.view',
    'personal.view',
    'video.view',
    'video.control',
    'video.manage',
    'iot.view',
    'iot.manage',
    'integration.manage',
    'enforcement.view',
    'collection.view',
    'collection.edit',
    'collection.review',
    'collection.reveal',
    'collection.configure',
  ],
};

export function permissionsOf(role: Role): ReadonlySet<Permission> {
  return new Set(ROLE_GRANTS[role]);
}

export function roleGrants(role: Role, permission: Permission): boolean {
  return ROLE_GRANTS[role].includes(permission);
}

export function isRole(value: string): value is Role {
  return Object.hasOwn(ROLES, value);
}
