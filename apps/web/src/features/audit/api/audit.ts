import { useQuery } from '@tanstack/react-query';
import type { inferInput, inferOutput } from '@trpc/tanstack-react-query';
import { useTRPC } from '../../../lib/trpc';

type AuditList = ReturnType<typeof useTRPC>['audit']['list'];
export type AuditListInput = inferInput<AuditList>;
export type AuditRow = inferOutput<AuditList>['rows'][number];
export type AuditOutcome = AuditRow['outcome'];

export function useAuditLog(input: AuditListInput) {
  const trpc = useTRPC();
  return useQuery(trpc.audit.list.queryOptions(input, { placeholderData: (previous) => previous }));
}
