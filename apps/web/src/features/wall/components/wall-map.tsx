import { type GeoJSONSource, LngLatBounds, type Map as MapLibreMap } from 'maplibre-gl';
import { useEffect, useRef, useState } from 'react';
import { createBaseMap } from '../../../lib/map/create-base-map';
import styles from '../wall.module.css';
import {
  CASE_SOURCE,
  caseLayers,
  darkenBasemap,
  HEAT_SOURCE,
  pointCollection,
  type WallPoint,
} from './wall-map-layers';

/**
 * 案件分布: the offline basemap, dark, with the last week's cases as heat, clusters and
 * points. Drawn by maplibre at the screen's real pixel size (hit-testing stays right at
 * any size); `data-state="ready"` once the cases are on it.
 */
export function WallMap({ points, scale }: { points: readonly WallPoint[]; scale: number }) {
  const box = useRef<HTMLDivElement>(null);
  const map = useRef<MapLibreMap | null>(null);
  const [loaded, setLoaded] = useState(false);
  const fitted = useRef(false);

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const instance = createBaseMap(element);
    map.current = instance;
    instance.on('load', () => {
      darkenBasemap(instance);
      instance.addSource(CASE_SOURCE, {
        type: 'geojson',
        data: pointCollection([]),
        cluster: true,
        clusterRadius: 40 * scale,
        clusterMaxZoom: 15,
      });
      instance.addSource(HEAT_SOURCE, { type: 'geojson', data: pointCollection([]) });
      for (const layer of caseLayers(scale)) instance.addLayer(layer);
      setLoaded(true);
    });
    return () => {
      instance.remove();
      map.current = null;
    };
  }, [scale]);

  useEffect(() => {
    const instance = map.current;
    if (!instance || !loaded) return;
    const data = pointCollection(points);
    (instance.getSource(CASE_SOURCE) as GeoJSONSource | undefined)?.setData(data);
    (instance.getSource(HEAT_SOURCE) as GeoJSONSource | undefined)?.setData(data);
    if (!fitted.current && points.length > 0) {
      const bounds = new LngLatBounds();
      for (const p of points) bounds.extend([p.lng, p.lat]);
      instance.fitBounds(bounds, { padding: 40 * scale, maxZoom: 14, animate: false });
      fitted.current = true;
    }
  }, [points, loaded, scale]);

  return (
    <>
      <div
        ref={box}
        className={styles.map}
        role="img"
        aria-label="案件分布地图"
        data-state={loaded ? 'ready' : 'loading'}
      />
      <div className={styles.legend} aria-hidden>
        <span>
          <i className={styles.dot} style={{ background: '#36cfc9' }} />
          办理中
        </span>
        <span>
          <i className={styles.dot} style={{ background: '#ff4d4f' }} />
          紧急
        </span>
        <span>
          <i className={styles.dot} style={{ background: '#5f7396' }} />
          已办结
        </span>
        <span>近7日 {points.length.toLocaleString('zh-CN')} 件</span>
      </div>
    </>
  );
}
