export interface ListPage<Row> {
  rows: Row[];
  total: number;
  /** The total is bounded (10,000) and more cases match: keep reading until a short page. */
  more: boolean;
}

export interface PagesProgress {
  done: number;
  /** 0 while unknown (the list's total is bounded). */
  total: number;
}

/**
 * Reads every page of a list, `pageSize` rows at a time. An export takes every matching
 * case, so a bounded total ("10,000+") does not stop it: it reads until a page comes back short.
 */
export async function collectPages<Row>(
  fetchPage: (page: number) => Promise<ListPage<Row>>,
  pageSize: number,
  onProgress: (progress: PagesProgress) => void,
): Promise<Row[]> {
  const rows: Row[] = [];
  for (let page = 1; ; page++) {
    const result = await fetchPage(page);
    rows.push(...result.rows);
    onProgress({ done: rows.length, total: result.more ? 0 : result.total });
    if (result.rows.length < pageSize || (!result.more && rows.length >= result.total)) return rows;
  }
}
