import { Skeleton } from 'antd';

/** What the case detail shows while the case, or the code that shows it, is on its way. */
export function CaseDetailSkeleton() {
  return <Skeleton active paragraph={{ rows: 12 }} />;
}
