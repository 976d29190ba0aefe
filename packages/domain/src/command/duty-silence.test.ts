import { describe, expect, it } from 'vitest';
import { autoOffLabel, isSilent, lastSignOfLife, silentAt } from './duty-silence';

const at = (hhmm: string) => new Date(`2026-03-02T${hhmm}:00+08:00`);

describe('自动下岗: when a person on duty counts as silent', () => {
  it('counts from the newest fix, and is silent only once the limit has passed', () => {
    const duty = { onDuty: true, since: at('08:00'), lastFixAt: at('09:10') };
    expect(lastSignOfLife(duty)).toEqual(at('09:10'));
    expect(silentAt(duty, 30)).toEqual(at('09:40'));
    expect(isSilent(duty, at('09:40'), 30)).toBe(false);
    expect(isSilent(duty, new Date(at('09:40').getTime() + 1000), 30)).toBe(true);
    // A longer limit gives the phone longer.
    expect(isSilent(duty, at('10:00'), 60)).toBe(false);
  });

  it('counts from 上岗 when no fix came since (a fix of an earlier shift says nothing)', () => {
    const duty = { onDuty: true, since: at('14:00'), lastFixAt: at('11:58') };
    expect(lastSignOfLife(duty)).toEqual(at('14:00'));
    expect(isSilent(duty, at('14:20'), 30)).toBe(false);
    expect(isSilent(duty, at('14:31'), 30)).toBe(true);
    expect(lastSignOfLife({ since: at('14:00'), lastFixAt: null })).toEqual(at('14:00'));
  });

  it('never counts a person off duty as silent', () => {
    const off = { onDuty: false, since: at('12:00'), lastFixAt: at('11:59') };
    expect(silentAt(off, 30)).toBeNull();
    expect(isSilent(off, at('23:00'), 30)).toBe(false);
  });

  it('reads as 自动下岗 with its limit', () => {
    expect(autoOffLabel(30)).toBe('自动下岗（超过30分钟无定位）');
  });
});
