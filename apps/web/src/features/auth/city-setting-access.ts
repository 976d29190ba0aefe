import { type CityWideSetting, changesCityWideSettings, cityLevelOnlyReason } from '@citygov/domain/city-settings';
import type { Permission } from '@citygov/domain/permissions';
import { useSession } from '../../lib/session/session-context';

export interface SettingAccess {
  /** Whether this user may change the setting here. */
  editable: boolean;
  /**
   * Why a user who holds the permission still only reads it (a district account on a
   * city-wide setting), to show beside the read-only page; null when there is nothing to
   * explain (editable, or a role that never manages it and sees no controls at all).
   */
  readOnlyReason: string | null;
}

/** The page-side twin of the server's requireCityLevel (apps/bff/src/modules/org/scope.ts). */
export function useCitySettingAccess(permission: Permission, setting: CityWideSetting): SettingAccess {
  const { user, can } = useSession();
  if (!can(permission)) return { editable: false, readOnlyReason: null };
  if (changesCityWideSettings(user.areaLevel)) return { editable: true, readOnlyReason: null };
  return { editable: false, readOnlyReason: `${cityLevelOnlyReason(setting)}；此处仅供查看` };
}
