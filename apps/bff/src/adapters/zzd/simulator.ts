import { randomBytes } from 'node:crypto';
import { DEMO_ZZD_ACCOUNTS, DEMO_ZZD_TENANT_ID } from '@citygov/db/seed/demo-zzd-accounts';
import express from 'express';
import { escapeHtml, listenSimulator, type RunningSimulator } from '../sim-http';
import { type TZzdMessage, ZZzdMessage } from './schemas';
import { type ZzdParams, zzdSignatureProblem } from './signing';

/** A person known to the simulated 浙政钉 tenant. */
export interface SimZzdUser {
  accountId: number;
  employeeCode: string;
  name: string;
  /** Shown on the scan page, e.g. our demo username. */
  hint?: string;
}

/** A work notification the simulator took. */
export interface ReceivedWorkNotification {
  msgId: string;
  bizMsgId: string;
  receiverIds: string[];
  tenantId: string;
  message: TZzdMessage;
  receivedAt: string;
}

export interface ZzdSimulator extends RunningSimulator {
  notifications: ReceivedWorkNotification[];
  /** Requests refused for their signature, with the reason (what a test asserts). */
  refusals: { uri: string; reason: string }[];
  /** An H5 免登 auth code for a user, as the JSAPI dd.getAuthCode gives inside the app. */
  authCodeFor(accountId: number): string;
}

export const DEMO_ZZD_APP_KEY = 'citygov-demo-zzd';
export const DEMO_ZZD_APP_SECRET = 'citygov-demo-zzd-secret-0001';

const ok = (data: unknown) => ({
  success: true,
  content: { success: true, responseCode: '0', responseMessage: '成功', data },
});
const refused = (code: string, message: string) => ({ success: false, errorCode: code, errorMsg: message });

/**
 * A 专有钉钉 / 浙政钉 open platform over HTTP for tests and the demo: checks every call's
 * HMAC signature (refusing bad, stale and replayed ones), hands out access tokens, resolves
 * H5 and scan auth codes to its users, shows a scan page for PC login and records the work
 * notifications it receives. Content comes back as a JSON string on some answers, as the
 * platform does.
 */
export async function startZzdSimulator(
  options: {
    port?: number;
    appKey?: string;
    appSecret?: string;
    users?: readonly SimZzdUser[];
    /** The app's base URL: the H5 page links into its login page with an auth code. */
    appUrl?: string;
  } = {},
): Promise<ZzdSimulator> {
  const appKey = options.appKey ?? DEMO_ZZD_APP_KEY;
  const appSecret = options.appSecret ?? DEMO_ZZD_APP_SECRET;
  const users =
    options.users ??
    DEMO_ZZD_ACCOUNTS.map((a) => ({
      accountId: a.accountId,
      employeeCode: a.employeeCode,
      name: a.name,
      hint: a.username,
    }));
  const byId = new Map(users.map((u) => [u.accountId, u]));
  const tokens = new Map<string, number>();
  const codes = new Map<string, { accountId: number; expiresAt: number }>();
  const nonces = new Set<string>();
  const notifications: ReceivedWorkNotification[] = [];
  const refusals: { uri: string; reason: string }[] = [];

  const issueCode = (accountId: number) => {
    const code = randomBytes(16).toString('hex');
    codes.set(code, { accountId, expiresAt: Date.now() + 300_000 });
    return code;
  };
  const userData = (u: SimZzdUser) => ({
    account: u.employeeCode.toLowerCase(),
    accountId: u.accountId,
    clientId: appKey,
    employeeCode: u.employeeCode,
    lastName: u.name,
    namespace: 'local',
    nickNameCn: u.name,
    openid: `openid-${u.accountId}`,
    realmId: Number(DEMO_ZZD_TENANT_ID),
    realmName: '云湖市政务数字化租户',
    tenantUserId: `${DEMO_ZZD_TENANT_ID}$${u.accountId}`,
  });

  const app = express();
  app.disable('x-powered-by');
  app.use(express.urlencoded({ extended: false, limit: '64kb' }));

  // The open platform's API: signed.
  const api = express.Router();
  api.use((req, res, next) => {
    const params = (req.method === 'GET' ? req.query : req.body) as ZzdParams;
    const reason = zzdSignatureProblem({
      method: req.method,
      uri: req.path,
      params: params ?? {},
      headers: req.headers,
      secretOf: (key) => (key === appKey ? appSecret : undefined),
      seenNonce: (nonce) => {
        if (nonces.has(nonce)) return true;
        nonces.add(nonce);
        return false;
      },
    });
    if (reason) {
      refusals.push({ uri: req.path, reason });
      res.status(401).json(refused('SIGNATURE_INVALID', `签名校验失败：${reason}`));
      return;
    }
    next();
  });
  const tokenOk = (token: unknown) => typeof token === 'string' && (tokens.get(token) ?? 0) > Date.now();

  api.get('/gettoken.json', (req, res) => {
    if (req.query.appkey !== appKey || req.query.appsecret !== appSecret) {
      res.json(refused('APP_INVALID', 'appkey 或 appsecret 错误'));
      return;
    }
    const accessToken = randomBytes(16).toString('hex');
    tokens.set(accessToken, Date.now() + 7_200_000);
    res.json(ok({ accessToken, expiresIn: 7200 }));
  });

  const userByCode = (code: unknown) => {
    const entry = typeof code === 'string' ? codes.get(code) : undefined;
    if (!entry || entry.expiresAt < Date.now()) return null;
    codes.delete(code as string);
    return byId.get(entry.accountId) ?? null;
  };
  // H5 免登: content as a JSON string, as the platform answers this one.
  api.post('/rpc/oauth2/dingtalk_app_user.json', (req, res) => {
    if (!tokenOk(req.body.access_token)) return void res.json(refused('TOKEN_INVALID', 'access_token 无效'));
    const user = userByCode(req.body.auth_code);
    if (!user)
      return void res.json({
        success: true,
        content: JSON.stringify({ success: false, responseCode: '233', responseMessage: '免登码无效或已过期' }),
      });
    res.json({
      success: true,
      content: JSON.stringify({ success: true, responseCode: '0', responseMessage: '成功', data: userData(user) }),
    });
  });
  api.post('/rpc/oauth2/getuserinfo_bycode.json', (req, res) => {
    if (!tokenOk(req.body.access_token)) return void res.json(refused('TOKEN_INVALID', 'access_token 无效'));
    const user = userByCode(req.body.code);
    if (!user)
      return void res.json({
        success: true,
        content: { success: false, responseCode: '233', responseMessage: '授权码无效或已过期' },
      });
    res.json(ok(userData(user)));
  });
  api.post('/message/workNotification', (req, res) => {
    if (!tokenOk(req.body.access_token)) return void res.json(refused('TOKEN_INVALID', 'access_token 无效'));
    const receiverIds = String(req.body.receiverIds ?? '')
      .split(',')
      .filter(Boolean);
    let message: TZzdMessage;
    try {
      message = ZZzdMessage.parse(JSON.parse(String(req.body.msg ?? '')));
    } catch {
      return void res.json(refused('PARAM_INVALID', 'msg 格式错误'));
    }
    if (receiverIds.length === 0) return void res.json(refused('PARAM_INVALID', 'receiverIds 不能为空'));
    const bizMsgId = String(req.body.bizMsgId ?? '');
    // The platform does not deliver one bizMsgId twice: the same id answers with the first msgId.
    const earlier = notifications.find((n) => bizMsgId && n.bizMsgId === bizMsgId);
    if (earlier) return void res.json(ok({ msgId: earlier.msgId }));
    const msgId = `msg-${randomBytes(8).toString('hex')}`;
    notifications.push({
      msgId,
      bizMsgId,
      receiverIds,
      tenantId: String(req.body.tenantId ?? ''),
      message,
      receivedAt: new Date().toISOString(),
    });
    res.json(ok({ msgId }));
  });

  // The browser side: the PC scan page (a real one shows a QR code the phone app scans).
  app.get('/oauth2/auth.htm', (req, res) => {
    const redirect = String(req.query.redirect_uri ?? '');
    const state = String(req.query.state ?? '');
    if (req.query.client_id !== appKey || !/^https?:\/\//.test(redirect)) {
      res.status(400).type('html').send('<!doctype html><meta charset="utf-8"><p>应用参数错误</p>');
      return;
    }
    const rows = users
      .map(
        (u) =>
          `<li><form method="post" action="/oauth2/confirm"><input type="hidden" name="accountId" value="${u.accountId}">` +
          `<input type="hidden" name="redirect_uri" value="${escapeHtml(redirect)}"><input type="hidden" name="state" value="${escapeHtml(state)}">` +
          `<button type="submit" aria-label="以${escapeHtml(u.name)}身份扫码确认">${escapeHtml(u.name)}<small>${escapeHtml(u.hint ?? u.employeeCode)}</small></button></form></li>`,
      )
      .join('');
    res
      .type('html')
      .send(`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>浙政钉扫码登录（模拟）</title><style>
body{font-family:system-ui,"PingFang SC","Microsoft YaHei",sans-serif;background:#eef3fb;margin:0;color:#1f2d3d}
main{max-width:720px;margin:32px auto;background:#fff;border-radius:12px;padding:24px 28px;box-shadow:0 4px 24px #0001}
h1{font-size:22px;margin:0 0 4px;color:#1264e0}.qr{width:160px;height:160px;margin:16px auto;background:repeating-conic-gradient(#1f2d3d 0 25%,#fff 0 50%) 0 0/20px 20px;border:8px solid #fff;outline:1px solid #ccd}
p{color:#667}ul{list-style:none;padding:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(150px,1fr));gap:8px;max-height:360px;overflow:auto}
button{width:100%;padding:8px;border:1px solid #c9d6ee;border-radius:8px;background:#f7faff;cursor:pointer;font-size:15px}button:hover{background:#e6efff}
small{display:block;color:#889;font-size:12px}</style></head><body><main>
<h1>浙政钉扫码登录</h1><p>模拟器：真实环境中请用浙政钉 App 扫描二维码。这里选择扫码的人员即可。</p>
<div class="qr" role="img" aria-label="登录二维码"></div><h2 style="font-size:16px">选择扫码人员</h2><ul>${rows}</ul></main></body></html>`);
  });
  app.post('/oauth2/confirm', (req, res) => {
    const user = byId.get(Number(req.body.accountId));
    const redirect = String(req.body.redirect_uri ?? '');
    if (!user || !/^https?:\/\//.test(redirect)) return void res.status(400).send('参数错误');
    const target = new URL(redirect);
    target.searchParams.set('code', issueCode(user.accountId));
    target.searchParams.set('state', String(req.body.state ?? ''));
    res.redirect(302, target.toString());
  });

  // H5 inside the app: a page that opens our login page as the 浙政钉 app would, with an auth code.
  app.get('/h5', (_req, res) => {
    const rows = users
      .map(
        (u) =>
          `<li><a href="/h5/open?accountId=${u.accountId}">${escapeHtml(u.name)}（${escapeHtml(u.hint ?? u.employeeCode)}）</a></li>`,
      )
      .join('');
    res
      .type('html')
      .send(
        `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>浙政钉工作台（模拟）</title><body style="font-family:system-ui,sans-serif;padding:16px"><h1 style="font-size:20px">浙政钉工作台（模拟）</h1><p>以下列人员身份在浙政钉中打开应用（H5 免登）：</p><ul>${rows}</ul></body></html>`,
      );
  });
  app.get('/h5/open', (req, res) => {
    const user = byId.get(Number(req.query.accountId));
    if (!user || !options.appUrl) return void res.status(400).send('参数错误');
    res.redirect(302, `${options.appUrl}/login?zzdAuthCode=${issueCode(user.accountId)}`);
  });
  app.post('/h5/authcode', (req, res) => {
    const user = byId.get(Number(req.body.accountId));
    if (!user) return void res.status(404).json(refused('USER_NOT_FOUND', '没有该人员'));
    res.json(ok({ authCode: issueCode(user.accountId) }));
  });

  // What tests and the demo read back.
  app.get('/_sim/notifications', (_req, res) => {
    res.json(notifications);
  });
  app.use(api);

  const running = await listenSimulator(app, options.port ?? 0);
  return { ...running, notifications, refusals, authCodeFor: issueCode };
}
