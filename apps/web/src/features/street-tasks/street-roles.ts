import type { Permission, Role } from '@citygov/domain/permissions';

type Can = (permission: Permission) => boolean;

/** Roles that work on the street and get the phone entry on their portal home. */
export const STREET_ROLES: ReadonlySet<Role> = new Set<Role>(['collector', 'dept_handler', 'street_chief']);

export function canReport(can: Can): boolean {
  return can('case.report');
}

/** Site tasks (核实/核查) or department handling (签收/反馈) on the phone. */
export function worksTasks(can: Can): boolean {
  return can('case.verify') || can('case.check') || can('case.handle');
}

/** 街长制: street chiefs work street-governance cases (/m/chief). */
export function worksChiefCases(can: Can): boolean {
  return can('street.handle');
}

/** Where /m opens: a chief's cases, reporting for those who report, otherwise the task list. */
export function phoneHome(can: Can): string {
  if (worksChiefCases(can)) return '/m/chief';
  return canReport(can) && !can('case.handle') ? '/m/report' : '/m/tasks';
}
