/**
 * Unit grid codes (单元网格编码): 14 digits = 6 county + 3 street + 3 community
 * + 2 grid sequence.
 */
export interface GridCodeParts {
  county: string;
  street: string;
  community: string;
  sequence: string;
}

const GRID_CODE = /^(\d{6})(\d{3})(\d{3})(\d{2})$/;

export function parseGridCode(code: string): GridCodeParts | null {
  const m = GRID_CODE.exec(code);
  if (!m) return null;
  const [, county, street, community, sequence] = m;
  if (!county || !street || !community || !sequence) return null;
  if (street === '000' || community === '000' || sequence === '00') return null;
  return { county, street, community, sequence };
}

export function formatGridCode(parts: { county: string; street: number; community: number; sequence: number }): string {
  if (!/^\d{6}$/.test(parts.county)) throw new RangeError(`county code must be 6 digits: ${parts.county}`);
  const pad = (n: number, width: number) => {
    if (!Number.isInteger(n) || n < 1 || n >= 10 ** width) {
      throw new RangeError(`${n} does not fit ${width} digits`);
    }
    return String(n).padStart(width, '0');
  };
  return `${parts.county}${pad(parts.street, 3)}${pad(parts.community, 3)}${pad(parts.sequence, 2)}`;
}
