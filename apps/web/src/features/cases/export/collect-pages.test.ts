import { describe, expect, it } from 'vitest';
import { collectPages, type ListPage } from './collect-pages';

/** A list of `count` cases served as the BFF does: the total bounded at 10,000. */
function list(count: number) {
  const pages: number[] = [];
  const fetchPage = async (page: number): Promise<ListPage<number>> => {
    pages.push(page);
    const from = (page - 1) * 200;
    const rows = Array.from({ length: Math.max(0, Math.min(200, count - from)) }, (_, i) => from + i);
    return { rows, total: Math.min(count, 10_000), more: count > 10_000 };
  };
  return { fetchPage, pages };
}

describe('collectPages (导出 Excel)', () => {
  it('exports every case past the 10,000 the list counts', async () => {
    const { fetchPage } = list(10_050);
    const progress: number[] = [];
    const rows = await collectPages(fetchPage, 200, (p) => progress.push(p.done));
    expect(rows).toHaveLength(10_050);
    expect(rows.at(-1)).toBe(10_049);
    expect(progress.at(-1)).toBe(10_050);
  });

  it('stops at an exact total without asking for an empty page', async () => {
    const { fetchPage, pages } = list(400);
    expect(await collectPages(fetchPage, 200, () => {})).toHaveLength(400);
    expect(pages).toEqual([1, 2]);
  });
});
