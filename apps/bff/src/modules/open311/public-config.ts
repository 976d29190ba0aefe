import type { Queryable } from '@citygov/db/client';
import { areas } from '@citygov/db/schema/org';
import { eq } from 'drizzle-orm';
import { publicWebKey } from './api-keys';
import type { Open311Settings } from './open311-settings';

export interface PublicWebConfig {
  /** Where the GeoReport v2 resources live, relative to this site. */
  endpoint: string;
  jurisdictionId: string;
  /** The key the citizen page sends; null while an administrator has revoked it. */
  apiKey: string | null;
  city: { name: string; center: [number, number]; bounds: [number, number, number, number] } | null;
}

/**
 * GET /open311/web-config.json: what the citizen page (/public/report) needs before it can
 * report: the endpoint, the published web key and the city's extent for the map. The key
 * is public by design (anyone can open the page); the per-address limits protect it.
 */
export async function publicConfig(db: Queryable, settings: Open311Settings): Promise<PublicWebConfig> {
  const [city] = await db.select().from(areas).where(eq(areas.level, 'city')).limit(1);
  const extent =
    city &&
    city.centerLng !== null &&
    city.centerLat !== null &&
    city.minLng !== null &&
    city.minLat !== null &&
    city.maxLng !== null &&
    city.maxLat !== null
      ? {
          name: city.name,
          center: [city.centerLng, city.centerLat] as [number, number],
          bounds: [city.minLng, city.minLat, city.maxLng, city.maxLat] as [number, number, number, number],
        }
      : null;
  return {
    endpoint: '/open311/v2',
    jurisdictionId: settings.jurisdictionId,
    apiKey: await publicWebKey(db),
    city: extent,
  };
}
