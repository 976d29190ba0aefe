import { useCallback, useEffect, useRef, useState } from 'react';
import type { LngLat } from '../lib/distance';

export interface Fix extends LngLat {
  /** Radius of 68% confidence in metres, as the device reports it. */
  accuracy: number;
}

const OPTIONS: PositionOptions = { enableHighAccuracy: true, timeout: 15_000, maximumAge: 10_000 };

function errorMessage(error: GeolocationPositionError): string {
  switch (error.code) {
    case error.PERMISSION_DENIED:
      return '定位权限被拒绝：请在浏览器或浙政钉的设置中允许使用位置信息，或直接在地图上点选问题位置';
    case error.POSITION_UNAVAILABLE:
      return '暂时无法获取位置（GPS 信号弱或定位服务未开启），请到开阔处重试，或在地图上点选问题位置';
    case error.TIMEOUT:
      return '定位超时，请重试，或在地图上点选问题位置';
    default:
      return '定位失败，请在地图上点选问题位置';
  }
}

/** Why locating cannot even start here, or null. */
function unsupportedReason(): string | null {
  if (typeof window !== 'undefined' && !window.isSecureContext) {
    return '当前连接不安全（非 HTTPS），浏览器禁止定位，请在地图上点选问题位置';
  }
  if (typeof navigator === 'undefined' || !navigator.geolocation) return '当前浏览器不支持定位，请在地图上点选问题位置';
  return null;
}

/** One-shot high-accuracy location on request (the 定位 button), with Chinese errors. */
export function useGeolocation() {
  const [locating, setLocating] = useState(false);
  const [fix, setFix] = useState<Fix | null>(null);
  const [error, setError] = useState<string | null>(null);
  const mounted = useRef(true);
  useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );

  const locate = useCallback((): Promise<Fix | null> => {
    const unsupported = unsupportedReason();
    if (unsupported) {
      setError(unsupported);
      return Promise.resolve(null);
    }
    setLocating(true);
    setError(null);
    return new Promise((resolve) => {
      navigator.geolocation.getCurrentPosition(
        (position) => {
          const next = {
            lng: position.coords.longitude,
            lat: position.coords.latitude,
            accuracy: position.coords.accuracy,
          };
          if (mounted.current) {
            setFix(next);
            setLocating(false);
          }
          resolve(next);
        },
        (failure) => {
          if (mounted.current) {
            setError(errorMessage(failure));
            setLocating(false);
          }
          resolve(null);
        },
        OPTIONS,
      );
    });
  }, []);

  return { locate, locating, fix, error };
}

/** Locates silently when the user already allowed it (for distances on the task list). */
export function useKnownPosition() {
  const geo = useGeolocation();
  const { locate } = geo;
  useEffect(() => {
    if (!navigator.permissions?.query) return;
    navigator.permissions
      .query({ name: 'geolocation' })
      .then((status) => {
        if (status.state === 'granted') void locate();
      })
      .catch(() => undefined);
  }, [locate]);
  return geo;
}
