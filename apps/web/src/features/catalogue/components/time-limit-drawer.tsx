import { Alert, App, Divider, Drawer, Grid, Typography } from 'antd';
import { useState } from 'react';
import { apiErrorMessage } from '../../../lib/api-error';
import { type CategoryRow, useTimeLimits } from '../api/catalogue';
import { type CaseStage, KIND_LABELS, type Urgency } from '../labels';
import { TimeLimitForm } from './time-limit-form';
import { TimeLimitGrid } from './time-limit-grid';

/** Time limits of one category per urgency × stage; editable with category.manage at city level. */
export function TimeLimitDrawer({
  category,
  canManage,
  readOnlyReason,
  onClose,
}: {
  category: CategoryRow | null;
  canManage: boolean;
  /** Why the limits are shown read-only to someone who manages categories elsewhere. */
  readOnlyReason: string | null;
  onClose: () => void;
}) {
  const screens = Grid.useBreakpoint();
  const { message } = App.useApp();
  const key = category ? { kind: category.kind, code: category.code } : null;
  const limits = useTimeLimits(key);
  const [picked, setPicked] = useState<{ urgency: Urgency; stage: CaseStage } | null>(null);

  return (
    <Drawer
      open={category !== null}
      title={category ? `处置时限：${category.name}（${KIND_LABELS[category.kind]} ${category.code}）` : '处置时限'}
      size={screens.md ? 560 : '100%'}
      onClose={() => {
        setPicked(null);
        onClose();
      }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        各阶段办理时限按紧急程度分别设置。工作时、工作日按工作日历计算，自然小时连续计时。
      </Typography.Paragraph>
      {readOnlyReason ? <Alert type="info" showIcon title={readOnlyReason} style={{ marginBottom: 12 }} /> : null}
      {limits.isError ? <Alert type="error" showIcon title={apiErrorMessage(limits.error)} /> : null}
      <TimeLimitGrid
        limits={limits.data ?? []}
        loading={limits.isFetching}
        canManage={canManage}
        onPick={(urgency, stage) => setPicked({ urgency, stage })}
      />
      {canManage && key ? (
        <>
          <Divider titlePlacement="start">设置时限</Divider>
          <TimeLimitForm
            category={key}
            limits={limits.data ?? []}
            picked={picked}
            onSaved={() => message.success('时限已保存')}
          />
        </>
      ) : null}
    </Drawer>
  );
}
