import { isRole } from '@citygov/domain/permissions';
import { useSearchParams } from 'react-router';
import type { UserFilterValues } from './components/user-filters';
import { isUserStatus } from './user-status';

/** The user list's filters and page live in the URL, so a filtered list can be shared. */
export function useUserFilters() {
  const [params, setParams] = useSearchParams();
  const role = params.get('role') ?? '';
  const status = params.get('status');
  const values: UserFilterValues = {
    q: params.get('q') ?? '',
    role: isRole(role) ? role : undefined,
    status: isUserStatus(status) ? status : undefined,
  };
  const page = Math.max(1, Number(params.get('page')) || 1);

  const update = (next: Partial<UserFilterValues & { page: number }>) => {
    const merged = { ...values, page: 1, ...next };
    const search = new URLSearchParams();
    if (merged.q) search.set('q', merged.q);
    if (merged.role) search.set('role', merged.role);
    if (merged.status) search.set('status', merged.status);
    if (merged.page > 1) search.set('page', String(merged.page));
    setParams(search, { replace: true });
  };
  return { values, page, update };
}
