import { Alert, Button, List, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { formatDistance, formatMinutesApart } from '../../../lib/intake-assist/duplicate-format';
import type { DuplicateCandidate } from '../../../lib/intake-assist/intake-assist-api';
import { PhotoReasonTag } from '../../../lib/intake-assist/photo-reason-tag';

/**
 * 疑似重复案件: a warning before 登记. 登记案件 registers it, and a 高度相似 case takes it in
 * (自动并案); 不是同一问题，仍要登记 registers it as a problem of its own, for the shift
 * lead to confirm.
 */
export function DuplicateAlert({
  candidates,
  onDistinct,
  busy = false,
}: {
  candidates: DuplicateCandidate[];
  onDistinct?: () => void;
  busy?: boolean;
}) {
  if (candidates.length === 0) return null;
  const likelyMerged = candidates.some((c) => c.decision === 'merge');
  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      style={{ marginBottom: 16 }}
      title="疑似重复案件"
      description={
        <>
          <Typography.Paragraph style={{ marginBottom: 8 }}>
            附近已有 {candidates.length} 件相似案件，请确认是否为同一问题。
            {likelyMerged ? '直接登记时，将由系统自动并入高度相似的在办案件。' : '仍可继续登记。'}
          </Typography.Paragraph>
          <List<DuplicateCandidate>
            size="small"
            aria-label="疑似重复案件列表"
            dataSource={candidates}
            rowKey="caseId"
            renderItem={(c) => (
              <List.Item>
                <div style={{ width: '100%' }}>
                  <Space size={[8, 4]} wrap>
                    <Link to={`/desk/cases/${c.caseId}`} target="_blank" aria-label={`查看案件 ${c.caseNo}`}>
                      {c.caseNo}
                    </Link>
                    <Tag>{c.statusName}</Tag>
                    {c.decision === 'merge' ? <Tag color="red">高度相似</Tag> : <Tag color="orange">可能相似</Tag>}
                    <PhotoReasonTag factors={c.factors} />
                    <Typography.Text type="secondary">
                      {formatDistance(c.distanceM)} · {formatMinutesApart(c.minutesApart)}
                      {c.categoryName ? ` · ${c.categoryName}` : ''}
                    </Typography.Text>
                  </Space>
                  <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: '4px 0 0' }}>
                    {c.description}
                  </Typography.Paragraph>
                  {c.address ? (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {c.address}
                    </Typography.Text>
                  ) : null}
                </div>
              </List.Item>
            )}
          />
          {onDistinct ? (
            <Button onClick={onDistinct} disabled={busy} style={{ marginTop: 8 }}>
              不是同一问题，仍要登记
            </Button>
          ) : null}
        </>
      }
    />
  );
}
