import { useCallback, useEffect, useMemo, useState } from 'react';
import type { CaseRow } from '../api/cases';

const categoryKey = (row: Pick<CaseRow, 'kind' | 'categoryCode'>) => `${row.kind}:${row.categoryCode}`;

/**
 * Cases ticked in the list for 批量派遣, kept across pages with the row as last shown
 * (its version is what the server checks). A reloaded row replaces its entry, so a live
 * update does not leave a stale version behind.
 */
export function useCaseSelection(rows: readonly CaseRow[]) {
  const [selected, setSelected] = useState<ReadonlyMap<number, CaseRow>>(() => new Map());

  useEffect(() => {
    setSelected((prev) => {
      let next: Map<number, CaseRow> | null = null;
      for (const row of rows) {
        if (prev.has(row.id) && prev.get(row.id) !== row) {
          next ??= new Map(prev);
          next.set(row.id, row);
        }
      }
      return next ?? prev;
    });
  }, [rows]);

  const onChange = useCallback((ticked: readonly CaseRow[], unticked: readonly number[]) => {
    setSelected((prev) => {
      const next = new Map(prev);
      for (const id of unticked) next.delete(id);
      for (const row of ticked) next.set(row.id, row);
      return next;
    });
  }, []);

  /** 选择同类案件: also tick this page's cases of the categories already ticked. */
  const addSameCategory = useCallback(() => {
    setSelected((prev) => {
      const wanted = new Set([...prev.values()].map(categoryKey));
      const next = new Map(prev);
      for (const row of rows) if (wanted.has(categoryKey(row))) next.set(row.id, row);
      return next;
    });
  }, [rows]);

  const clear = useCallback(() => setSelected(new Map()), []);

  return useMemo(
    () => ({
      rows: [...selected.values()],
      ids: [...selected.keys()],
      onChange,
      addSameCategory,
      clear,
    }),
    [selected, onChange, addSameCategory, clear],
  );
}
