import { isCivilCode, parseGbId } from '@citygov/domain/video/gb-id';
import { itemsOf, textOf, type XmlObject, type XmlValue } from './gb-body';

/** One entry of a device's catalog (目录), as the platform stores it. */
export interface CatalogItem {
  channelId: string;
  role: 'camera' | 'group' | 'area' | 'other';
  name: string;
  parentId: string | null;
  civilCode: string | null;
  manufacturer: string | null;
  model: string | null;
  address: string | null;
  ptzType: number | null;
  online: boolean;
  lng: number | null;
  lat: number | null;
}

function numberOf(value: XmlValue | undefined): number | null {
  const n = Number.parseFloat(textOf(value));
  return Number.isFinite(n) ? n : null;
}

function roleOf(id: string): CatalogItem['role'] {
  const parsed = parseGbId(id);
  if (!parsed) return isCivilCode(id) ? 'area' : 'other';
  if (parsed.role === 'camera') return 'camera';
  if (parsed.role === 'businessGroup' || parsed.role === 'virtualOrganization') return 'group';
  // Encoders and NVR channels carry their own type codes but stream like cameras.
  return parsed.role === 'recorder' ? 'camera' : 'other';
}

/** A coordinate that is plausibly a WGS-84 point (devices send 0 or garbage when unset). */
function coordinate(value: number | null, limit: number): number | null {
  return value !== null && value !== 0 && Math.abs(value) <= limit ? value : null;
}

export function catalogItemOf(item: XmlObject): CatalogItem | null {
  const channelId = textOf(item.DeviceID);
  if (!channelId) return null;
  const info = item.Info && typeof item.Info === 'object' && !Array.isArray(item.Info) ? item.Info : undefined;
  // ParentID may list several parents separated by '/'; the last is the nearest.
  const parents = (textOf(item.ParentID) || textOf(item.BusinessGroupID)).split('/').filter(Boolean);
  const status = textOf(item.Status).toUpperCase();
  return {
    channelId,
    role: roleOf(channelId),
    name: textOf(item.Name) || channelId,
    parentId: parents.at(-1) ?? null,
    civilCode: textOf(item.CivilCode) || null,
    manufacturer: textOf(item.Manufacturer) || null,
    model: textOf(item.Model) || null,
    address: textOf(item.Address) || null,
    ptzType: numberOf(info?.PTZType) ?? numberOf(item.PTZType),
    // "ON", "OK" and "ONLINE" all occur in the field; an absent status means online.
    online: status === '' || status === 'ON' || status === 'OK' || status === 'ONLINE',
    lng: coordinate(numberOf(item.Longitude), 180),
    lat: coordinate(numberOf(item.Latitude), 90),
  };
}

export function catalogItemsOf(deviceList: XmlValue | undefined): CatalogItem[] {
  return itemsOf(deviceList)
    .map(catalogItemOf)
    .filter((i): i is CatalogItem => i !== null);
}
