import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../../../lib/trpc';

/** Each day of a month: working or not, what the holiday library says, and any local override. */
export function useCalendarMonth(year: number, month: number) {
  const trpc = useTRPC();
  return useQuery(trpc.calendar.month.queryOptions({ year, month }, { placeholderData: (previous) => previous }));
}

/** Marks or unmarks a day; every month view refetches afterwards. */
export function useCalendarOverride() {
  const trpc = useTRPC();
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries(trpc.calendar.pathFilter());
  return {
    set: useMutation(trpc.calendar.setOverride.mutationOptions({ onSuccess: refresh })),
    remove: useMutation(trpc.calendar.removeOverride.mutationOptions({ onSuccess: refresh })),
  };
}
