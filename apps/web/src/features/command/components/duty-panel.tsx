import { autoOffLabel } from '@citygov/domain/command/duty-silence';
import { Alert, App, Switch } from 'antd';
import { apiErrorMessage } from '../../../lib/api-error';
import { formatDateTime } from '../../../lib/format';
import { useMyDuty, useSetOnDuty } from '../api/command';
import { formatAgo, formatDistance } from '../format';

/** What began the card's state: 上岗, a 下岗 the person pressed, or the system's 自动下岗 (dated at the last fix). */
function sinceLabel(onDuty: boolean, autoOffMinutes: number | null): string {
  if (onDuty) return '上岗';
  return autoOffMinutes === null ? '下岗' : '自动下岗';
}

/**
 * 上岗 / 下岗 on the phone, with today's 巡查里程. While on duty the phone pages report
 * its GPS (useDutyTab in the phone root); off duty nothing is tracked. After a 自动下岗
 * (no fix for the limit) the card says so and asks the person to 上岗 again.
 */
export function DutyPanel() {
  const { message } = App.useApp();
  const duty = useMyDuty();
  const setOnDuty = useSetOnDuty();
  const onDuty = duty.data?.onDuty ?? false;
  const autoOff = duty.data?.autoOffMinutes ?? null;
  return (
    <div style={{ display: 'grid', gap: 12 }}>
      <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 12 }}>
        <div>
          <div style={{ fontSize: 20, fontWeight: 600, color: onDuty ? '#1f8a70' : '#8c8c8c' }}>
            {onDuty ? '在岗' : '离岗'}
          </div>
          <div style={{ fontSize: 13, color: '#595959' }}>
            {duty.data?.since ? `${sinceLabel(onDuty, autoOff)}于 ${formatDateTime(duty.data.since)}` : '今日尚未上岗'}
          </div>
        </div>
        <Switch
          aria-label={onDuty ? '下岗' : '上岗'}
          checked={onDuty}
          loading={duty.isPending || setOnDuty.isPending}
          checkedChildren="在岗"
          unCheckedChildren="离岗"
          style={{ transform: 'scale(1.3)', transformOrigin: 'right center' }}
          onChange={(next) =>
            setOnDuty.mutate(
              { onDuty: next },
              {
                onSuccess: () => message.success(next ? '已上岗，开始上报位置' : '已下岗，停止上报位置'),
                onError: (error) => message.error(apiErrorMessage(error)),
              },
            )
          }
        />
      </div>
      <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 8 }}>
        <div style={{ background: '#f5f7fa', borderRadius: 8, padding: '10px 12px' }}>
          <div style={{ fontSize: 13, color: '#595959' }}>今日巡查里程</div>
          <div style={{ fontSize: 22, fontWeight: 600 }} data-testid="mileage">
            {formatDistance(duty.data?.mileageM ?? 0)}
          </div>
        </div>
        <div style={{ background: '#f5f7fa', borderRadius: 8, padding: '10px 12px' }}>
          <div style={{ fontSize: 13, color: '#595959' }}>最近定位</div>
          <div style={{ fontSize: 22, fontWeight: 600 }}>{formatAgo(duty.data?.lastAt)}</div>
        </div>
      </div>
      {onDuty ? <Alert type="info" showIcon message="在岗期间本机定时上报位置，供片长就近调度；下岗后停止。" /> : null}
      {!onDuty && autoOff !== null ? (
        <Alert
          type="warning"
          showIcon
          message={`系统已${autoOffLabel(autoOff)}`}
          description="本机长时间未上报定位（关机、没电或无信号），已按最后一次定位时间下岗，之后的时间不计入在岗。继续巡查请重新上岗。"
        />
      ) : null}
    </div>
  );
}
