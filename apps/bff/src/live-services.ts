import type { IotHub } from './modules/iot/api';
import type { VideoCentre } from './modules/video/api';

/**
 * The long-running services of one BFF process besides HTTP: the GB/T 28181 video
 * centre and the IoT hub (MQTT). Either may be absent (disabled, its port taken, a
 * test that does not need it); procedures that need one say so in Chinese.
 */
export interface LiveServices {
  video: VideoCentre | null;
  iot: IotHub | null;
}

export const NO_LIVE_SERVICES: LiveServices = { video: null, iot: null };
