import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import {
  type TZzdMessage,
  type TZzdUser,
  ZZzdEnvelope,
  ZZzdToken,
  ZZzdUser,
  ZZzdWorkNotificationResult,
} from './schemas';
import { signZzdRequest, type ZzdParams } from './signing';

/** Where and as whom we call 浙政钉 (专有钉钉 open platform); from ZZD_* settings. */
export interface ZzdConfig {
  /** The open platform's gateway, e.g. https://openplatform-pro.ding.zj.gov.cn. */
  baseUrl: string;
  /** The browser-facing login host (PC scan login, /oauth2/auth.htm), e.g. https://login-pro.ding.zj.gov.cn. */
  loginUrl: string;
  appKey: string;
  appSecret: string;
  /** The tenant (租户) id work notifications go to. */
  tenantId: string;
  timeoutMs: number;
}

/** A call the platform refused or answered with success=false; `code` is its error code when given. */
export class ZzdError extends Error {
  constructor(
    message: string,
    readonly code: string | null,
  ) {
    super(message);
    this.name = 'ZzdError';
  }
}

async function call<T extends z.ZodType>(
  config: ZzdConfig,
  method: 'GET' | 'POST',
  uri: string,
  params: ZzdParams,
  schema: T,
): Promise<z.infer<T>> {
  const headers: Record<string, string> = {
    ...signZzdRequest({ method, uri, params, appKey: config.appKey, appSecret: config.appSecret }),
  };
  const form = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    for (const v of typeof value === 'string' ? [value] : value) form.append(key, v);
  }
  const url = new URL(uri, config.baseUrl);
  let body: string | undefined;
  if (method === 'GET') url.search = form.toString();
  else {
    body = form.toString();
    headers['Content-Type'] = 'application/x-www-form-urlencoded;charset=UTF-8';
  }
  const response = await fetch(url, { method, headers, body, signal: AbortSignal.timeout(config.timeoutMs) });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ZzdError(`浙政钉接口 ${uri} 返回了无法解析的内容（HTTP ${response.status}）`, String(response.status));
  }
  const envelope = ZZzdEnvelope.parse(json);
  if (!envelope.success || envelope.content?.success === false) {
    const code = envelope.errorCode ?? envelope.content?.responseCode ?? null;
    const message = envelope.errorMsg ?? envelope.content?.responseMessage ?? '未知错误';
    throw new ZzdError(`浙政钉接口 ${uri} 调用失败：${message}`, code === null ? null : String(code));
  }
  return schema.parse(envelope.content?.data);
}

// One access token per gateway and app, shared by every caller in the process; renewed a
// few minutes before it runs out (the platform's tokens live two hours).
const tokens = new Map<string, { token: string; expiresAt: number; pending?: Promise<string> }>();
const RENEW_BEFORE_MS = 300_000;

/** The app's access token (`/gettoken.json`), from the cache while it is fresh. */
export async function getAccessToken(config: ZzdConfig, now = Date.now()): Promise<string> {
  const key = `${config.baseUrl}|${config.appKey}`;
  const cached = tokens.get(key);
  if (cached && cached.expiresAt - RENEW_BEFORE_MS > now) return cached.token;
  if (cached?.pending) return cached.pending;
  const pending = call(
    config,
    'GET',
    '/gettoken.json',
    { appkey: config.appKey, appsecret: config.appSecret },
    ZZzdToken,
  )
    .then((t) => {
      tokens.set(key, { token: t.accessToken, expiresAt: Date.now() + t.expiresIn * 1000 });
      return t.accessToken;
    })
    .catch((error: unknown) => {
      tokens.delete(key);
      throw error;
    });
  tokens.set(key, { token: cached?.token ?? '', expiresAt: 0, pending });
  return pending;
}

/** Forgets the cached token (after the platform said it is invalid, or in tests). */
export function forgetAccessToken(config: ZzdConfig): void {
  tokens.delete(`${config.baseUrl}|${config.appKey}`);
}

/** H5 免登: the user behind an auth code from the JSAPI inside the 浙政钉 app. */
export async function userByAuthCode(config: ZzdConfig, authCode: string): Promise<TZzdUser> {
  const accessToken = await getAccessToken(config);
  return call(
    config,
    'POST',
    '/rpc/oauth2/dingtalk_app_user.json',
    { access_token: accessToken, auth_code: authCode },
    ZZzdUser,
  );
}

/** PC scan login: the user behind the code the login page redirected back with. */
export async function userByScanCode(config: ZzdConfig, code: string): Promise<TZzdUser> {
  const accessToken = await getAccessToken(config);
  return call(config, 'POST', '/rpc/oauth2/getuserinfo_bycode.json', { access_token: accessToken, code }, ZZzdUser);
}

/** Where the browser goes to scan: the platform's /oauth2/auth.htm, back to `redirectUri` with ?code&state. */
export function scanLoginUrl(config: ZzdConfig, redirectUri: string, state: string): string {
  const url = new URL('/oauth2/auth.htm', config.loginUrl);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: config.appKey,
    redirect_uri: redirectUri,
    scope: 'get_user_info',
    authType: 'QRCODE',
    state,
  }).toString();
  return url.toString();
}

/**
 * 工作通知 to 浙政钉 accounts (`/message/workNotification`); resolves with the platform's
 * message id. `bizMsgId` is our idempotency key: the platform does not deliver one twice.
 */
export async function sendWorkNotification(
  config: ZzdConfig,
  input: { accountIds: readonly string[]; message: TZzdMessage; bizMsgId?: string },
): Promise<string> {
  if (input.accountIds.length === 0) throw new ZzdError('工作通知没有接收人', null);
  const accessToken = await getAccessToken(config);
  const result = await call(
    config,
    'POST',
    '/message/workNotification',
    {
      access_token: accessToken,
      organizationCode: config.tenantId,
      tenantId: config.tenantId,
      receiverIds: input.accountIds.join(','),
      bizMsgId: input.bizMsgId ?? randomUUID(),
      msg: JSON.stringify(input.message),
    },
    ZZzdWorkNotificationResult,
  );
  return result.msgId;
}
