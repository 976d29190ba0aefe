import type { z } from 'zod';
import { type TZlbUser, ZZlbEnvelope, ZZlbToken, ZZlbUser } from './schemas';
import { signZlbRequest } from './signing';

/** 浙里办 single sign-on through the IRS gateway; from ZLB_* settings. */
export interface ZlbConfig {
  /** The IRS gateway. */
  baseUrl: string;
  /** The browser-facing 浙里办 login host. */
  loginUrl: string;
  appId: string;
  accessKey: string;
  secretKey: string;
  timeoutMs: number;
}

export const ZLB_TICKET_PATH = '/restapi/prod/IC33000020220329000007/uc/sso/access_token';
export const ZLB_USER_PATH = '/restapi/prod/IC33000020220329000008/uc/sso/getUserInfo';

export class ZlbError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ZlbError';
  }
}

async function call<T extends z.ZodType>(
  config: ZlbConfig,
  path: string,
  body: object,
  schema: T,
): Promise<z.infer<T>> {
  const headers = {
    ...signZlbRequest({ method: 'POST', path, accessKey: config.accessKey, secretKey: config.secretKey }),
    'Content-Type': 'application/json',
  };
  const response = await fetch(new URL(path, config.baseUrl), {
    method: 'POST',
    headers,
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(config.timeoutMs),
  });
  const envelope = ZZlbEnvelope.parse(
    await response.json().catch(() => ({ success: false, errorMsg: `HTTP ${response.status}` })),
  );
  if (!envelope.success)
    throw new ZlbError(`浙里办接口调用失败：${envelope.errorMsg ?? envelope.errorCode ?? '未知错误'}`);
  return schema.parse(envelope.data);
}

/** Where the citizen's browser goes to sign in; 浙里办 sends it back to `returnUrl` with ?ticket. */
export function zlbLoginUrl(config: ZlbConfig, returnUrl: string): string {
  const url = new URL('/sso/newusp.do', config.loginUrl);
  url.search = new URLSearchParams({ action: 'ssoLogin', servicecode: config.appId, goto: returnUrl }).toString();
  return url.toString();
}

/** ticket → access token → the user. */
export async function zlbUserByTicket(config: ZlbConfig, ticket: string): Promise<TZlbUser> {
  const { accessToken } = await call(config, ZLB_TICKET_PATH, { ticketId: ticket, appId: config.appId }, ZZlbToken);
  return call(config, ZLB_USER_PATH, { token: accessToken }, ZZlbUser);
}

/**
 * Health probe: a signed call with a ticket that cannot exist. The gateway answering it (the
 * ticket refused) shows it is reachable and takes our signature; a 401 or no answer does not.
 */
export async function probeZlbGateway(config: ZlbConfig): Promise<{ ok: boolean; detail: string }> {
  const started = Date.now();
  try {
    await call(config, ZLB_TICKET_PATH, { ticketId: 'citygov-health-probe', appId: config.appId }, ZZlbToken);
    return { ok: true, detail: `正常（${Date.now() - started} ms）` };
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    if (error instanceof ZlbError && !text.includes('签名'))
      return { ok: true, detail: `正常（网关已应答，${Date.now() - started} ms）` };
    return { ok: false, detail: text.startsWith('浙里办') ? text : `无法连接：${text}` };
  }
}
