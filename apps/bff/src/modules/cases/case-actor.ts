import type { ActorKind } from '@citygov/domain/cases/case-actions';
import type { Permission } from '@citygov/domain/permissions';
import type { SessionUser } from '../../trpc/session-user';

/**
 * Who changes a case: a signed-in person, or a system actor (自动派遣, 智能判重, later
 * sensors, video AI and the province platform) that holds the permissions of its
 * actions and is named on the timeline like a person.
 */
export interface CaseActor {
  kind: ActorKind;
  /** The user's id; null for system actors. */
  id: number | null;
  name: string;
  permissions: ReadonlySet<Permission>;
  /** The person's session (scope, department); null for system actors, which act city-wide. */
  user: SessionUser | null;
}

export function personActor(user: SessionUser): CaseActor {
  return { kind: 'person', id: user.id, name: user.displayName, permissions: user.permissions, user };
}

function systemActor(name: string, permissions: readonly Permission[]): CaseActor {
  return { kind: 'system', id: null, name, permissions: new Set(permissions), user: null };
}

export const SYSTEM_ACTORS = {
  automaticDispatch: systemActor('系统（自动派遣）', ['case.dispatch']),
  duplicateCheck: systemActor('系统（智能判重）', ['case.file']),
  /** Alarms of video analytics (视频智能识别) and IoT sensors (物联网感知) report cases through the alarm intake. */
  videoAi: systemActor('系统（视频智能识别）', ['case.report']),
  iotSensor: systemActor('系统（物联网感知）', ['case.report']),
  /** 街面派单: street-governance reports go to the chief of their grid and line (街长制). */
  streetRouting: systemActor('系统（街面派单）', ['street.handle']),
  /** 片长指挥: a call nobody answered in time expires and passes to the next nearest (the queue's job). */
  callTimer: systemActor('系统（呼叫超时）', ['command.call']),
} as const;
