import { useCallback, useState } from 'react';

export interface Fix {
  lng: number;
  lat: number;
  /** Radius of 68% confidence in metres, as the phone reports it. */
  accuracy: number;
}

const OPTIONS: PositionOptions = { enableHighAccuracy: true, timeout: 15_000, maximumAge: 30_000 };

function problemOf(error: GeolocationPositionError): string {
  if (error.code === error.PERMISSION_DENIED) {
    return '未获得定位权限：可在浏览器设置中允许定位，或直接在地图上点选问题位置';
  }
  if (error.code === error.TIMEOUT) return '定位超时，请重试，或在地图上点选问题位置';
  return '暂时无法获取位置，请到开阔处重试，或在地图上点选问题位置';
}

/** One-shot high-accuracy location when the citizen taps 「定位」, with a Chinese explanation on failure. */
export function useLocate() {
  const [locating, setLocating] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const locate = useCallback((): Promise<Fix | null> => {
    if (!window.isSecureContext || !navigator.geolocation) {
      setProblem('当前浏览器无法定位，请在地图上点选问题位置');
      return Promise.resolve(null);
    }
    setLocating(true);
    setProblem(null);
    return new Promise((resolve) => {
      navigator.geolocation.getCurrentPosition(
        (position) => {
          setLocating(false);
          resolve({
            lng: position.coords.longitude,
            lat: position.coords.latitude,
            accuracy: position.coords.accuracy,
          });
        },
        (error) => {
          setLocating(false);
          setProblem(problemOf(error));
          resolve(null);
        },
        OPTIONS,
      );
    });
  }, []);

  return { locate, locating, problem };
}
