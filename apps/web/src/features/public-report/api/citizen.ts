import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../../lib/trpc';

/** Whether 浙里办 sign-in is offered, and the citizen signed in through it (name and phone to prefill). */
export function useCitizen() {
  const trpc = useTRPC();
  return useQuery(trpc.sso.citizen.queryOptions(undefined, { staleTime: 60_000 }));
}
