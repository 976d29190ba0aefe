import { QueryClientProvider } from '@tanstack/react-query';
import { createTRPCOptionsProxy } from '@trpc/tanstack-react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { type ReactNode, useState } from 'react';
import { type AppRouter, createApiClient, TRPCProvider } from '../lib/trpc';
import { createQueryClient } from './query-client';
import { appTheme } from './theme';

dayjs.locale('zh-cn');

function createClients() {
  const trpcClient = createApiClient();
  const queryClient = createQueryClient((problem) => {
    // Signing the user out locally makes the session guard redirect to /login with the reason.
    queryClient.setQueryData(meKey, { user: null, problem });
  });
  const meKey = createTRPCOptionsProxy<AppRouter>({ client: trpcClient, queryClient }).auth.me.queryKey();
  return { trpcClient, queryClient };
}

export function AppProviders({ children }: { children: ReactNode }) {
  const [{ trpcClient, queryClient }] = useState(createClients);
  return (
    <ConfigProvider locale={zhCN} theme={appTheme} button={{ autoInsertSpace: false }}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
            {children}
          </TRPCProvider>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
