import { TRPCClientError } from '@trpc/client';
import { describe, expect, it } from 'vitest';
import { classifyFailure, UploadFailure } from './send-failure';

function serverError(code: string, httpStatus: number, message: string) {
  return new TRPCClientError(message, {
    result: { error: { code: -32000, message, data: { code, httpStatus, fieldErrors: null } } },
  });
}

describe('classifyFailure', () => {
  it('keeps the draft and offers 重试 when the network is gone', () => {
    const offline = TRPCClientError.from(new TypeError('Failed to fetch'));
    expect(classifyFailure(offline)).toMatchObject({ retryable: true, conflict: false });
    expect(classifyFailure(new UploadFailure(0, '网络不可用，照片未能上传'))).toMatchObject({ retryable: true });
  });

  it('treats a timeout as retryable with its own message', () => {
    const timeout = TRPCClientError.from(new DOMException('signal timed out', 'TimeoutError'));
    const failure = classifyFailure(timeout);
    expect(failure.retryable).toBe(true);
    expect(failure.message).toContain('超时');
  });

  it('treats server faults as retryable, refusals as final', () => {
    expect(classifyFailure(serverError('INTERNAL_SERVER_ERROR', 500, 'boom')).retryable).toBe(true);
    expect(classifyFailure(new UploadFailure(502, '服务器暂时无法保存照片')).retryable).toBe(true);
    expect(classifyFailure(new UploadFailure(415, '不支持的文件类型')).retryable).toBe(false);
    const refused = classifyFailure(serverError('BAD_REQUEST', 400, '附件已关联到其他案件（编号 3），请重新上传'));
    expect(refused).toMatchObject({ retryable: false, attachmentsRejected: true });
  });

  it('recognises a conflict (someone else acted first)', () => {
    const conflict = classifyFailure(serverError('CONFLICT', 409, '张三已执行「签收」，案件已更新，请刷新后再操作'));
    expect(conflict).toMatchObject({ retryable: false, conflict: true });
    expect(conflict.message).toContain('签收');
  });
});
