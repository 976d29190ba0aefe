import { Card, Space, Switch, Tooltip, Typography } from 'antd';
import { CASE_TONES, LAYER_GROUP_KEYS, LAYER_GROUPS, type LayerGroup } from '../layers';

/**
 * 图层: one labelled switch per layer group. A group the account may not see (cases
 * without 查看案件, cameras without 视频监控) is disabled and says why.
 */
export function LayerSwitches({
  visible,
  onChange,
  unavailable,
}: {
  visible: Record<LayerGroup, boolean>;
  onChange: (key: LayerGroup, on: boolean) => void;
  unavailable: Partial<Record<LayerGroup, string>>;
}) {
  return (
    <Card size="small" title="图层" role="group" aria-label="图层">
      <Space wrap size={[16, 8]}>
        {LAYER_GROUP_KEYS.map((key) => {
          const reason = unavailable[key];
          const control = (
            <Space key={key} size={6}>
              <Switch
                size="small"
                aria-label={LAYER_GROUPS[key].label}
                checked={!reason && visible[key]}
                disabled={Boolean(reason)}
                onChange={(on) => onChange(key, on)}
              />
              <Typography.Text type={reason ? 'secondary' : undefined}>{LAYER_GROUPS[key].label}</Typography.Text>
            </Space>
          );
          return reason ? (
            <Tooltip key={key} title={reason}>
              {control}
            </Tooltip>
          ) : (
            <span key={key}>{control}</span>
          );
        })}
      </Space>
      <div style={{ marginTop: 8, display: 'flex', flexWrap: 'wrap', gap: '4px 12px', fontSize: 12 }}>
        {Object.values(CASE_TONES).map((tone) => (
          <span key={tone.label}>
            <i
              aria-hidden
              style={{
                display: 'inline-block',
                width: 10,
                height: 10,
                borderRadius: 5,
                background: tone.color,
                marginRight: 4,
              }}
            />
            {tone.label}
          </span>
        ))}
        <span>
          <i
            aria-hidden
            style={{
              display: 'inline-block',
              width: 10,
              height: 10,
              borderRadius: 5,
              border: '3px solid #a8071a',
              marginRight: 4,
            }}
          />
          紧急
        </span>
      </div>
    </Card>
  );
}
