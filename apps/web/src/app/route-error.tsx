import { Button, Result } from 'antd';
import { isRouteErrorResponse, useRouteError } from 'react-router';

function isChunkLoadError(error: unknown): boolean {
  return (
    error instanceof Error &&
    /dynamically imported module|Importing a module script failed|error loading/i.test(error.message)
  );
}

/** Replaces React Router's English default error screen with a Chinese one. */
export function RouteError() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) {
    return <Result status="404" title="页面不存在" extra={<Button href="/">返回首页</Button>} />;
  }
  // After a redeploy the old chunk names are gone; a reload fetches the new ones.
  const subTitle = isChunkLoadError(error)
    ? '系统已更新，请刷新页面后继续使用。'
    : '页面出现错误，请刷新重试；如问题持续存在，请联系系统管理员。';
  if (!isChunkLoadError(error)) console.error(error);
  return (
    <Result
      status="error"
      title="页面加载失败"
      subTitle={subTitle}
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          刷新页面
        </Button>
      }
    />
  );
}
