import { Button, Result } from 'antd';
import { Link } from 'react-router';
import type { ReportedCase } from '../api/intake';

/** After 登记: the new case number, a link to its detail, and a way to register the next one. */
export function IntakeSuccess({ reported, onNext }: { reported: ReportedCase; onNext: () => void }) {
  const lead = reported.mergedInto;
  return (
    <Result
      status="success"
      title={`登记成功，案件编号 ${reported.caseNo}`}
      subTitle={
        lead
          ? `系统判定与案件 ${lead.caseNo}（${lead.statusName}）为同一问题，已自动并案，由该案件统一办理。`
          : '案件已进入待受理队列，受理时限开始计时。'
      }
      extra={[
        <Link key="open" to={`/desk/cases/${reported.id}`}>
          <Button type="primary">查看案件详情</Button>
        </Link>,
        <Button key="next" onClick={onNext}>
          继续登记
        </Button>,
      ]}
    />
  );
}
