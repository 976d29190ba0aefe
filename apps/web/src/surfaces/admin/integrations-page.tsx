import { Alert, Card, Space } from 'antd';
import { useDeadLetters, useIntegrationOverview } from '../../features/integrations/api/integrations';
import { DeadLetterTable } from '../../features/integrations/components/dead-letter-table';
import { IntegrationCards } from '../../features/integrations/components/integration-cards';
import { apiErrorMessage } from '../../lib/api-error';
import { PageHeader } from '../../lib/ui/page-header';

export function IntegrationsPage() {
  const overview = useIntegrationOverview();
  const dead = useDeadLetters();
  const error = overview.error ?? dead.error;
  return (
    <div>
      <PageHeader
        title="外部系统"
        description="浙政钉、浙里办、短信、省平台与执法系统的接入状态；送不出的消息进入死信，可在核实后重发"
      />
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        {error ? <Alert type="error" showIcon title={apiErrorMessage(error)} /> : null}
        <IntegrationCards rows={overview.data ?? []} loading={overview.isLoading} />
        <Card title="死信列表">
          <DeadLetterTable rows={dead.data ?? []} loading={dead.isLoading} />
        </Card>
      </Space>
    </div>
  );
}
