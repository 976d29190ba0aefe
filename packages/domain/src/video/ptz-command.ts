/**
 * The PTZ command (PTZCmd) of GB/T 28181 appendix A.3: 8 bytes as 16 hex digits.
 *   1: A5H
 *   2: version (high 4 bits, 0) | check of bytes 1-2 (low 4 bits: (hi1 + lo1 + hi2) % 16)
 *   3: address, low 8 bits
 *   4: instruction (PTZ bit field, or a preset / cruise / scan code)
 *   5: data 1 (pan speed, or 0)     6: data 2 (tilt speed, or the preset number)
 *   7: data 3 (zoom speed, high 4 bits) | address high 4 bits (low 4 bits)
 *   8: checksum, the sum of bytes 1-7 modulo 256
 */
export type PtzDirection = 'up' | 'down' | 'left' | 'right' | 'upLeft' | 'upRight' | 'downLeft' | 'downRight';
export type PtzZoom = 'in' | 'out';

export type PtzAction =
  | { kind: 'move'; direction?: PtzDirection; zoom?: PtzZoom; speed: number }
  | { kind: 'stop' }
  | { kind: 'preset'; op: 'set' | 'call' | 'delete'; preset: number };

const DIRECTION_BITS: Record<PtzDirection, number> = {
  right: 0x01,
  left: 0x02,
  down: 0x04,
  up: 0x08,
  upRight: 0x09,
  upLeft: 0x0a,
  downRight: 0x05,
  downLeft: 0x06,
};
const ZOOM_BITS: Record<PtzZoom, number> = { in: 0x10, out: 0x20 };
const PRESET_CODES = { set: 0x81, call: 0x82, delete: 0x83 } as const;

export const PTZ_DIRECTION_NAMES: Record<PtzDirection, string> = {
  up: '上',
  down: '下',
  left: '左',
  right: '右',
  upLeft: '左上',
  upRight: '右上',
  downLeft: '左下',
  downRight: '右下',
};

function clampByte(value: number): number {
  return Math.max(0, Math.min(255, Math.round(value)));
}

/** The 8 bytes of a PTZ command for a camera at `address` (0-4095, usually 1). */
export function ptzCommandBytes(action: PtzAction, address = 1): number[] {
  let instruction = 0;
  let data1 = 0;
  let data2 = 0;
  let zoomSpeed = 0;
  if (action.kind === 'move') {
    const speed = clampByte(action.speed);
    if (action.direction) {
      const bits = DIRECTION_BITS[action.direction];
      instruction |= bits;
      // Pan speed only for a horizontal part, tilt speed only for a vertical one.
      if (bits & 0x03) data1 = speed;
      if (bits & 0x0c) data2 = speed;
    }
    if (action.zoom) {
      instruction |= ZOOM_BITS[action.zoom];
      zoomSpeed = Math.min(15, speed >> 4);
    }
  } else if (action.kind === 'preset') {
    if (!Number.isInteger(action.preset) || action.preset < 1 || action.preset > 255)
      throw new RangeError('预置位号应为1～255');
    instruction = PRESET_CODES[action.op];
    data2 = action.preset;
  }
  const byte1 = 0xa5;
  const version = 0;
  const check = ((byte1 >> 4) + (byte1 & 0x0f) + version) % 16;
  const bytes = [
    byte1,
    (version << 4) | check,
    address & 0xff,
    instruction,
    data1,
    data2,
    ((zoomSpeed & 0x0f) << 4) | ((address >> 8) & 0x0f),
  ];
  bytes.push(bytes.reduce((sum, b) => sum + b, 0) % 256);
  return bytes;
}

export function ptzCommandHex(action: PtzAction, address = 1): string {
  return ptzCommandBytes(action, address)
    .map((b) => b.toString(16).padStart(2, '0'))
    .join('')
    .toUpperCase();
}

/** Reads a PTZCmd back (the device side, and tests); null when the header or checksum is wrong. */
export function parsePtzCommand(
  hex: string,
): { instruction: number; data1: number; data2: number; zoomSpeed: number; address: number } | null {
  if (!/^[0-9a-fA-F]{16}$/.test(hex)) return null;
  const bytes = Array.from({ length: 8 }, (_, i) => Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16)) as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const [b1, b2, b3, b4, b5, b6, b7, b8] = bytes;
  if (b1 !== 0xa5) return null;
  if ((b2 & 0x0f) !== ((b1 >> 4) + (b1 & 0x0f) + (b2 >> 4)) % 16) return null;
  if (bytes.slice(0, 7).reduce((s, b) => s + b, 0) % 256 !== b8) return null;
  return { instruction: b4, data1: b5, data2: b6, zoomSpeed: b7 >> 4, address: b3 | ((b7 & 0x0f) << 8) };
}
