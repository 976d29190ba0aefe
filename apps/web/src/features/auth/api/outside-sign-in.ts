import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SessionUser } from '../../../lib/session/session-api';
import { useTRPC } from '../../../lib/trpc';

/** Which outside sign-ins this deployment offers (浙政钉, 短信验证码). */
export function useSignInMethods() {
  const trpc = useTRPC();
  return useQuery(trpc.sso.methods.queryOptions(undefined, { staleTime: 10 * 60_000 }));
}

/** After any sign-in: nothing cached for a previous user may leak, and "me" is known at once. */
function useSignedIn() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return (user: SessionUser) => {
    queryClient.clear();
    queryClient.setQueryData(trpc.auth.me.queryKey(), { user, problem: null });
  };
}

export function useZzdH5Login() {
  const trpc = useTRPC();
  const signedIn = useSignedIn();
  return useMutation(
    trpc.sso.zzdH5Login.mutationOptions({
      meta: { isLogin: true },
      onSuccess: (result) => {
        if (result.kind === 'signed-in') signedIn(result.user);
      },
    }),
  );
}

export function useZzdBind() {
  const trpc = useTRPC();
  const signedIn = useSignedIn();
  return useMutation(trpc.sso.zzdBind.mutationOptions({ meta: { isLogin: true }, onSuccess: signedIn }));
}

export function useSmsCodeRequest() {
  const trpc = useTRPC();
  return useMutation(trpc.sso.smsCodeRequest.mutationOptions({ meta: { isLogin: true } }));
}

export function useSmsCodeLogin() {
  const trpc = useTRPC();
  const signedIn = useSignedIn();
  return useMutation(trpc.sso.smsCodeLogin.mutationOptions({ meta: { isLogin: true }, onSuccess: signedIn }));
}
