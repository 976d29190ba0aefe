import { describe, expect, it } from 'vitest';
import { parsePtzCommand, ptzCommandHex } from './ptz-command';

describe('PTZCmd (GB/T 28181 A.3)', () => {
  it('writes the header, check nibble and checksum of the published examples', () => {
    // Up at speed 250 and stop, as printed in the standard's examples and vendors' manuals.
    expect(ptzCommandHex({ kind: 'move', direction: 'up', speed: 0xfa })).toBe('A50F010800FA00B7');
    expect(ptzCommandHex({ kind: 'stop' })).toBe('A50F0100000000B5');
  });

  it('sets the direction and zoom bits and the zoom speed nibble', () => {
    const hex = ptzCommandHex({ kind: 'move', direction: 'left', zoom: 'in', speed: 0x80 });
    expect(hex.slice(6, 8)).toBe('12');
    expect(parsePtzCommand(hex)).toMatchObject({ instruction: 0x12, data1: 0x80, data2: 0, zoomSpeed: 8, address: 1 });
  });

  it('encodes presets by number and refuses numbers out of range', () => {
    expect(parsePtzCommand(ptzCommandHex({ kind: 'preset', op: 'call', preset: 3 }))).toMatchObject({
      instruction: 0x82,
      data1: 0,
      data2: 3,
    });
    expect(ptzCommandHex({ kind: 'preset', op: 'set', preset: 1 }).slice(6, 8)).toBe('81');
    expect(() => ptzCommandHex({ kind: 'preset', op: 'call', preset: 0 })).toThrow('预置位号');
  });

  it('carries the high address bits in byte 7', () => {
    expect(parsePtzCommand(ptzCommandHex({ kind: 'stop' }, 0x123))?.address).toBe(0x123);
  });

  it('rejects a command whose checksum or check nibble is wrong', () => {
    expect(parsePtzCommand('A50F010800FA00B8')).toBeNull();
    expect(parsePtzCommand('A50E010800FA00B6')).toBeNull();
    expect(parsePtzCommand('A50F010800FA00B7')).not.toBeNull();
  });
});
