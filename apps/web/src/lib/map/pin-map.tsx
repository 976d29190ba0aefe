import { lazy, Suspense } from 'react';
import type { PinMapProps } from './pin-map-view';

export type { MapPin, PinMapProps } from './pin-map-view';

// maplibre-gl is the largest library of the app: it loads only when a page shows a map,
// after the page itself has rendered (lists and case details read before they locate).
const PinMapView = lazy(async () => ({ default: (await import('./pin-map-view')).PinMapView }));

/** The case map with pins (see pin-map-view.tsx), loaded on first use. */
export function PinMap(props: PinMapProps) {
  return (
    <Suspense fallback={<div aria-busy="true" style={{ width: '100%', height: '100%', minHeight: 160 }} />}>
      <PinMapView {...props} />
    </Suspense>
  );
}
