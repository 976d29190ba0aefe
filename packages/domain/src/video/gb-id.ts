/**
 * GB/T 28181 codes (编码规则 A): a device, channel, platform or group is named by 20 digits —
 * 8 of the centre's civil code (行政区划: province 2, city 2, district 2, grassroots unit 2),
 * 2 of the industry, 3 of the type, 1 of the network, 6 of sequence. Catalog trees also
 * carry bare civil codes (2, 4, 6 or 8 digits) as their area nodes.
 */
export const GB_ID_TYPES = {
  '111': 'DVR',
  '112': '视频服务器',
  '113': '编码器',
  '114': '解码器',
  '115': '视频切换矩阵',
  '116': '音频切换矩阵',
  '117': '报警控制器',
  '118': 'NVR',
  '130': '混合硬盘录像机',
  '131': '摄像机',
  '132': '网络摄像机',
  '133': '显示器',
  '134': '报警输入设备',
  '135': '报警输出设备',
  '136': '语音输入设备',
  '137': '语音输出设备',
  '138': '移动传输设备',
  '139': '其他外围设备',
  '200': '中心信令控制服务器',
  '201': 'Web应用服务器',
  '202': '媒体分发服务器',
  '203': '代理服务器',
  '204': '安全服务器',
  '205': '报警服务器',
  '206': '数据库服务器',
  '207': 'GIS服务器',
  '208': '管理服务器',
  '209': '接入网关',
  '210': '媒体存储服务器',
  '211': '信令安全路由网关',
  '215': '业务分组',
  '216': '虚拟组织',
  '300': '中心用户',
  '400': '终端用户',
} as const;
export type GbTypeCode = keyof typeof GB_ID_TYPES;

/** What a code means to the video tree: something that plays, a box of cameras, a group, or neither. */
export type GbIdRole = 'camera' | 'recorder' | 'platform' | 'businessGroup' | 'virtualOrganization' | 'other';

export interface GbId {
  id: string;
  civilCode: string;
  industry: string;
  typeCode: string;
  typeName: string;
  network: string;
  sequence: string;
  role: GbIdRole;
}

const CAMERA_TYPES = new Set(['131', '132']);
const RECORDER_TYPES = new Set(['111', '112', '113', '118', '130']);
const PLATFORM_TYPES = new Set(['200', '208', '209']);

export function roleOfType(typeCode: string): GbIdRole {
  if (CAMERA_TYPES.has(typeCode)) return 'camera';
  if (RECORDER_TYPES.has(typeCode)) return 'recorder';
  if (PLATFORM_TYPES.has(typeCode)) return 'platform';
  if (typeCode === '215') return 'businessGroup';
  if (typeCode === '216') return 'virtualOrganization';
  return 'other';
}

/** Parses a 20-digit code, or returns null for anything else (wrong length, letters, a month 13…). */
export function parseGbId(value: string): GbId | null {
  if (!/^\d{20}$/.test(value)) return null;
  const typeCode = value.slice(10, 13);
  const typeName = (GB_ID_TYPES as Record<string, string>)[typeCode] ?? '未知类型';
  return {
    id: value,
    civilCode: value.slice(0, 8),
    industry: value.slice(8, 10),
    typeCode,
    typeName,
    network: value.slice(13, 14),
    sequence: value.slice(14),
    role: roleOfType(typeCode),
  };
}

export function isGbId(value: string): boolean {
  return /^\d{20}$/.test(value);
}

/** A civil-code node of a catalog tree (province 2, city 4, district 6, grassroots 8 digits). */
export function isCivilCode(value: string): boolean {
  return /^\d{2}(\d{2}){0,3}$/.test(value);
}

/** The 10-digit SIP domain (域) of a platform id: its first 10 digits. */
export function domainOfGbId(id: string): string {
  return id.slice(0, 10);
}

/** Why a device id is refused at registration, or null when it is a usable device code. */
export function deviceIdProblem(value: string): string | null {
  const parsed = parseGbId(value);
  if (!parsed) return '设备编码应为20位数字';
  if (parsed.role === 'businessGroup' || parsed.role === 'virtualOrganization') return '分组编码不能作为设备注册';
  return null;
}
