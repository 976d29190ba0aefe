import { Alert } from 'antd';

/** What 强制派遣 means for the department, said before the dispatcher submits. */
export function ForcedDispatchNotice() {
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      title="强制派遣：承办部门不能申请回退"
      description="处置时限从现在重新计算；案件如有待审批的回退申请，将随本次派遣一并撤销。请在意见中写明强制派遣的理由。"
    />
  );
}
