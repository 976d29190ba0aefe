/**
 * The four districts of the fictional demo city 云湖市. Shared by the geography
 * generator, the organisation data and the demo account list, so a slug means the
 * same district everywhere. Pure data: safe to import from the web app.
 */
export const DEMO_CITY = { name: '云湖市', code: '330100' } as const;

export interface DemoDistrictInfo {
  slug: string;
  name: string;
  /** 6-digit administrative (county) code. */
  code: string;
}

/** In lattice order: north-west, north-east, south-west, south-east. */
export const DEMO_DISTRICTS: readonly DemoDistrictInfo[] = [
  { slug: 'linjiang', name: '临江区', code: '330102' },
  { slug: 'yunshan', name: '云山区', code: '330103' },
  { slug: 'hubin', name: '湖滨区', code: '330104' },
  { slug: 'xingang', name: '新港区', code: '330105' },
];
