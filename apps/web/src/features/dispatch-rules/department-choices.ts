interface AreaNode {
  id: number;
  parentId: number | null;
}

interface DepartmentNode {
  areaId: number;
  areaLevel: string;
}

/**
 * Departments that can take every case of an area: those serving the area itself or an
 * area containing it (the BFF checks the same). No area means the whole city, which only
 * city-level departments serve. An area outside the caller's tree lies above it.
 */
export function departmentsServing<D extends DepartmentNode>(
  departments: readonly D[],
  areas: readonly AreaNode[],
  areaId: number | null,
): D[] {
  if (areaId === null) return departments.filter((d) => d.areaLevel === 'city');
  const parents = new Map(areas.map((a) => [a.id, a.parentId]));
  const chain = new Set<number>();
  for (let id: number | null | undefined = areaId; id != null && !chain.has(id); id = parents.get(id)) chain.add(id);
  return departments.filter((d) => chain.has(d.areaId) || !parents.has(d.areaId));
}
