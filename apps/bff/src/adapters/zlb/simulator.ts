import { randomBytes } from 'node:crypto';
import express from 'express';
import { escapeHtml, listenSimulator, type RunningSimulator } from '../sim-http';
import { ZLB_TICKET_PATH, ZLB_USER_PATH } from './client';
import { zlbSignatureProblem } from './signing';

export interface SimCitizen {
  userId: string;
  userName: string;
  mobile: string;
}

export interface ZlbSimulator extends RunningSimulator {
  refusals: { path: string; reason: string }[];
  /** A ticket for a citizen, as the login page hands back. */
  ticketFor(userId: string): string;
}

export const DEMO_ZLB_APP_ID = '2002000001';
export const DEMO_ZLB_ACCESS_KEY = 'citygov-demo-zlb';
export const DEMO_ZLB_SECRET_KEY = 'citygov-demo-zlb-secret-0001';

export const DEMO_CITIZENS: readonly SimCitizen[] = [
  { userId: 'zlb-3301-0001', userName: '陈小明', mobile: '13757110001' },
  { userId: 'zlb-3301-0002', userName: '周丽', mobile: '13757110002' },
  { userId: 'zlb-3301-0003', userName: '钱多多', mobile: '13757110003' },
];

/**
 * 浙里办 single sign-on over HTTP: a login page that picks a citizen and returns with a
 * ticket, and the IRS gateway's two signed calls (ticket → token, token → user).
 */
export async function startZlbSimulator(
  options: {
    port?: number;
    appId?: string;
    accessKey?: string;
    secretKey?: string;
    citizens?: readonly SimCitizen[];
  } = {},
): Promise<ZlbSimulator> {
  const appId = options.appId ?? DEMO_ZLB_APP_ID;
  const accessKey = options.accessKey ?? DEMO_ZLB_ACCESS_KEY;
  const secretKey = options.secretKey ?? DEMO_ZLB_SECRET_KEY;
  const citizens = options.citizens ?? DEMO_CITIZENS;
  const tickets = new Map<string, string>();
  const tokens = new Map<string, string>();
  const refusals: { path: string; reason: string }[] = [];
  const ticketFor = (userId: string) => {
    const ticket = `ST-${randomBytes(12).toString('hex')}`;
    tickets.set(ticket, userId);
    return ticket;
  };

  const app = express();
  app.disable('x-powered-by');
  app.use(express.urlencoded({ extended: false, limit: '16kb' }));
  app.get('/sso/newusp.do', (req, res) => {
    const goto = String(req.query.goto ?? '');
    if (req.query.servicecode !== appId || !/^https?:\/\//.test(goto)) return void res.status(400).send('参数错误');
    const rows = citizens
      .map(
        (c) =>
          `<li><form method="post" action="/sso/confirm"><input type="hidden" name="userId" value="${escapeHtml(c.userId)}"><input type="hidden" name="goto" value="${escapeHtml(goto)}"><button type="submit">以${escapeHtml(c.userName)}登录</button></form></li>`,
      )
      .join('');
    res
      .type('html')
      .send(`<!doctype html><html lang="zh-CN"><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>浙里办登录（模拟）</title>
<body style="font-family:system-ui,sans-serif;max-width:480px;margin:24px auto;padding:0 16px"><h1 style="color:#e8541e;font-size:22px">浙里办 · 个人登录</h1><p>模拟器：选择一位办事群众登录。</p><ul style="list-style:none;padding:0;display:grid;gap:8px">${rows}</ul>
<style>button{width:100%;padding:12px;font-size:16px;border:1px solid #f0c2ad;background:#fff7f2;border-radius:8px}</style></body></html>`);
  });
  app.post('/sso/confirm', (req, res) => {
    const citizen = citizens.find((c) => c.userId === req.body.userId);
    const goto = String(req.body.goto ?? '');
    if (!citizen || !/^https?:\/\//.test(goto)) return void res.status(400).send('参数错误');
    const target = new URL(goto);
    target.searchParams.set('ticket', ticketFor(citizen.userId));
    res.redirect(302, target.toString());
  });

  const api = express.Router();
  api.use(express.json({ limit: '16kb' }), (req, res, next) => {
    const query = req.originalUrl.includes('?') ? req.originalUrl.slice(req.originalUrl.indexOf('?') + 1) : '';
    const reason = zlbSignatureProblem({
      method: req.method,
      path: req.path,
      query,
      headers: req.headers,
      secretOf: (key) => (key === accessKey ? secretKey : undefined),
    });
    if (reason) {
      refusals.push({ path: req.path, reason });
      return void res
        .status(401)
        .json({ success: false, errorCode: 'BG_AUTH_FAILED', errorMsg: `签名校验失败：${reason}` });
    }
    next();
  });
  api.post(ZLB_TICKET_PATH, (req, res) => {
    const userId = tickets.get(String(req.body?.ticketId ?? ''));
    if (req.body?.appId !== appId || !userId)
      return void res.json({ success: false, errorCode: '1001', errorMsg: '票据无效或已使用' });
    tickets.delete(String(req.body.ticketId));
    const accessToken = randomBytes(16).toString('hex');
    tokens.set(accessToken, userId);
    res.json({ success: true, data: { accessToken, expiresIn: 7200 } });
  });
  api.post(ZLB_USER_PATH, (req, res) => {
    const citizen = citizens.find((c) => c.userId === tokens.get(String(req.body?.token ?? '')));
    if (!citizen) return void res.json({ success: false, errorCode: '1002', errorMsg: 'token 无效' });
    res.json({
      success: true,
      data: { userId: citizen.userId, userName: citizen.userName, mobile: citizen.mobile, certType: '111' },
    });
  });
  app.use(api);

  const running = await listenSimulator(app, options.port ?? 0);
  return { ...running, refusals, ticketFor };
}
