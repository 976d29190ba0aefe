import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { inferInput, inferOutput } from '@trpc/tanstack-react-query';
import { useTRPC } from '../../../lib/trpc';

type UserProcedures = ReturnType<typeof useTRPC>['users'];
export type UsersListInput = inferInput<UserProcedures['list']>;
export type UserRow = inferOutput<UserProcedures['list']>['rows'][number];
export type CreateUserInput = inferInput<UserProcedures['create']>;
export type UpdateUserInput = inferInput<UserProcedures['update']>;

export function useUsersList(input: UsersListInput) {
  const trpc = useTRPC();
  return useQuery(trpc.users.list.queryOptions(input, { placeholderData: (previous) => previous }));
}

/** The org lookups the user form needs (same cache entries as the 组织机构 page). */
export function useUserFormOptions() {
  const trpc = useTRPC();
  const areas = useQuery(trpc.org.areaTree.queryOptions(undefined, { staleTime: 5 * 60_000 }));
  const departments = useQuery(trpc.org.departments.queryOptions());
  return { areas, departments };
}

/** User changes alter the list and the admin's to-do counts (locked / disabled accounts). */
function useInvalidateUsers() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries(trpc.users.pathFilter()),
      queryClient.invalidateQueries(trpc.portal.pathFilter()),
    ]);
  };
}

export function useCreateUser() {
  const trpc = useTRPC();
  const onSuccess = useInvalidateUsers();
  return useMutation(trpc.users.create.mutationOptions({ onSuccess }));
}

export function useUpdateUser() {
  const trpc = useTRPC();
  const onSuccess = useInvalidateUsers();
  return useMutation(trpc.users.update.mutationOptions({ onSuccess }));
}

export function useSetUserActive() {
  const trpc = useTRPC();
  const onSuccess = useInvalidateUsers();
  return useMutation(trpc.users.setActive.mutationOptions({ onSuccess }));
}

export function useUnlockUser() {
  const trpc = useTRPC();
  const onSuccess = useInvalidateUsers();
  return useMutation(trpc.users.unlock.mutationOptions({ onSuccess }));
}

export function useResetPassword() {
  const trpc = useTRPC();
  const onSuccess = useInvalidateUsers();
  return useMutation(trpc.users.resetPassword.mutationOptions({ onSuccess }));
}

/** The full phone number of one user; the server logs every call (personal.view). */
export function useRevealPhone() {
  const trpc = useTRPC();
  return useMutation(trpc.users.revealPhone.mutationOptions());
}
