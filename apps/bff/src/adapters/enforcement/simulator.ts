import { randomUUID } from 'node:crypto';
import express from 'express';
import { listenSimulator, type RunningSimulator } from '../sim-http';
import {
  ENFORCEMENT_CONTRACT_VERSION,
  ENFORCEMENT_HEADERS,
  ENFORCEMENT_PATHS,
  type EnforcementCaseSource,
  type EnforcementFeedback,
  type EnforcementSubject,
  enforcementHeaders,
  verifyEnforcementRequest,
  ZEnforcementCaseSource,
} from './contract';

export const DEMO_ENFORCEMENT_KEY = 'citygov-demo-enforcement';
export const DEMO_ENFORCEMENT_SECRET = 'citygov-enforcement-demo-secret';

/** A subject as the simulated system keeps it: the full code (what a lookup may be asked by) and what it shows. */
interface SimSubject extends EnforcementSubject {
  fullCode: string;
}

function mask(code: string): string {
  return code.length > 10 ? `${code.slice(0, 6)}${'*'.repeat(code.length - 10)}${code.slice(-4)}` : code;
}

function subject(
  subjectId: string,
  kind: 'person' | 'organisation',
  name: string,
  fullCode: string,
  address: string,
  violations: EnforcementSubject['violations'],
  penalties: EnforcementSubject['penalties'],
): SimSubject {
  return { subjectId, kind, name, fullCode, code: mask(fullCode), address, violations, penalties };
}

/** The demo's subjects, each with a history (names are of the 张某 kind; codes are not real). */
export const DEMO_ENFORCEMENT_SUBJECTS: readonly SimSubject[] = [
  subject(
    'ZF-P-0001',
    'person',
    '张某明',
    '330106198503120018',
    '云湖市临江区江滨路 18 号',
    [
      {
        recordId: 'WF-2024-00131',
        at: '2024-06-11T09:20:00+08:00',
        type: '占道经营',
        description: '在江滨路人行道摆摊经营水果，经劝导后仍未撤离',
        place: '临江区江滨路与望江路交叉口',
      },
      {
        recordId: 'WF-2025-00877',
        at: '2025-03-02T16:40:00+08:00',
        type: '乱堆物料',
        description: '在店外公共通道堆放纸箱等杂物',
        place: '临江区江滨路 18 号门前',
      },
    ],
    [
      {
        decisionNo: '云临综执罚决字〔2024〕第 0131 号',
        at: '2024-06-20T10:00:00+08:00',
        kind: '警告',
        amount: null,
        status: '已执行',
      },
      {
        decisionNo: '云临综执罚决字〔2025〕第 0877 号',
        at: '2025-03-15T10:00:00+08:00',
        kind: '罚款',
        amount: 200,
        status: '已执行',
      },
    ],
  ),
  subject(
    'ZF-P-0002',
    'person',
    '李某华',
    '330102199011230026',
    '云湖市云山区望湖街 6 号',
    [
      {
        recordId: 'WF-2025-01204',
        at: '2025-05-18T11:05:00+08:00',
        type: '违规设置户外广告',
        description: '未经批准在店招上方设置灯箱广告',
        place: '云山区望湖街 6 号',
      },
    ],
    [
      {
        decisionNo: '云山综执罚决字〔2025〕第 1204 号',
        at: '2025-06-01T09:30:00+08:00',
        kind: '罚款',
        amount: 500,
        status: '未执行',
      },
    ],
  ),
  subject(
    'ZF-O-0001',
    'organisation',
    '云湖市鑫达建材有限公司',
    '91330106MA2H3K7Q1A',
    '云湖市临江区创业路 88 号',
    [
      {
        recordId: 'WF-2024-02210',
        at: '2024-09-03T14:10:00+08:00',
        type: '施工扬尘',
        description: '工地裸土未覆盖，车辆带泥上路',
        place: '临江区创业路 88 号工地',
      },
      {
        recordId: 'WF-2025-00412',
        at: '2025-01-22T07:50:00+08:00',
        type: '渣土乱倒',
        description: '夜间在河道边倾倒建筑渣土',
        place: '临江区滨河路北段',
      },
    ],
    [
      {
        decisionNo: '云临综执罚决字〔2024〕第 2210 号',
        at: '2024-09-20T10:00:00+08:00',
        kind: '责令改正',
        amount: null,
        status: '已执行',
      },
      {
        decisionNo: '云临综执罚决字〔2025〕第 0412 号',
        at: '2025-02-10T10:00:00+08:00',
        kind: '罚款',
        amount: 20000,
        status: '已执行',
      },
    ],
  ),
  subject(
    'ZF-O-0002',
    'organisation',
    '临江区云湖味道餐饮店',
    '92330106MA2J8L5T3B',
    '云湖市临江区学院路 21 号',
    [
      {
        recordId: 'WF-2025-01630',
        at: '2025-07-08T20:15:00+08:00',
        type: '油烟扰民',
        description: '未安装油烟净化设施，居民多次投诉',
        place: '临江区学院路 21 号',
      },
    ],
    [
      {
        decisionNo: '云临综执罚决字〔2025〕第 1630 号',
        at: '2025-07-20T10:00:00+08:00',
        kind: '警告',
        amount: null,
        status: '已执行',
      },
    ],
  ),
];

export interface EnforcementSimulator extends RunningSimulator {
  figures: { lookups: number; accepted: number; duplicates: number; badSignatures: number };
  /** Case sources taken, by Idempotency-Key. */
  caseSources: Map<string, { caseSourceId: string; body: EnforcementCaseSource }>;
  /** Pushes a signed feedback (立案/处罚/结案) to a webhook, as the system does. */
  sendFeedback(webhookUrl: string, feedback: Omit<EnforcementFeedback, 'contractVersion'>): Promise<Response>;
}

/**
 * An enforcement system speaking the v1 contract over HTTP, for tests and the demo: checks
 * every signature and refuses bad ones (401), answers subject lookups from its demo subjects,
 * keeps each Idempotency-Key once, and (with `feedbackUrl`) reports 立案 on each new 案源
 * after `autoFeedbackMs`, as the real system would once an officer takes it.
 */
export async function startEnforcementSimulator(
  options: { port?: number; key?: string; secret?: string; feedbackUrl?: string; autoFeedbackMs?: number } = {},
): Promise<EnforcementSimulator> {
  const credentials = { key: options.key ?? DEMO_ENFORCEMENT_KEY, secret: options.secret ?? DEMO_ENFORCEMENT_SECRET };
  const figures = { lookups: 0, accepted: 0, duplicates: 0, badSignatures: 0 };
  const caseSources = new Map<string, { caseSourceId: string; body: EnforcementCaseSource }>();
  let serial = 0;

  const sendFeedback = (webhookUrl: string, feedback: Omit<EnforcementFeedback, 'contractVersion'>) => {
    const body = JSON.stringify({ contractVersion: ENFORCEMENT_CONTRACT_VERSION, ...feedback });
    const url = new URL(webhookUrl);
    return fetch(url, {
      method: 'POST',
      headers: enforcementHeaders(credentials, 'POST', url.pathname + url.search, feedback.feedbackId, body),
      body,
    });
  };

  const app = express();
  app.use(express.text({ type: () => true, limit: '512kb' }));
  app.use((req, res, next) => {
    const refused = verifyEnforcementRequest(credentials, {
      method: req.method,
      target: req.originalUrl,
      headers: req.headers,
      body: typeof req.body === 'string' ? req.body : '',
    });
    if (refused) {
      figures.badSignatures++;
      res.status(401).json({ error: refused });
      return;
    }
    next();
  });
  app.get(ENFORCEMENT_PATHS.health, (_req, res) => {
    res.json({ ok: true, contractVersion: ENFORCEMENT_CONTRACT_VERSION });
  });
  app.get(ENFORCEMENT_PATHS.subjects, (req, res) => {
    figures.lookups++;
    const q = String(req.query.q ?? '').trim();
    const kind = req.query.kind;
    if (q.length === 0) {
      res.status(400).json({ error: '缺少查询条件' });
      return;
    }
    const found = DEMO_ENFORCEMENT_SUBJECTS.filter(
      (s) =>
        (kind === undefined || s.kind === kind) &&
        (s.name.includes(q) || s.fullCode.toUpperCase() === q.toUpperCase() || s.subjectId === q),
    ).map(({ fullCode: _full, ...shown }) => shown);
    res.json({ contractVersion: ENFORCEMENT_CONTRACT_VERSION, subjects: found });
  });
  app.post(ENFORCEMENT_PATHS.caseSources, (req, res) => {
    const key = req.headers[ENFORCEMENT_HEADERS.idempotencyKey];
    if (typeof key !== 'string' || key.length === 0) {
      res.status(400).json({ error: '缺少 Idempotency-Key' });
      return;
    }
    const known = caseSources.get(key);
    if (known) {
      figures.duplicates++;
      res.json({ caseSourceId: known.caseSourceId, duplicate: true });
      return;
    }
    let parsed: EnforcementCaseSource;
    try {
      parsed = ZEnforcementCaseSource.parse(JSON.parse(String(req.body)));
    } catch {
      res.status(400).json({ error: '案源报文格式不正确' });
      return;
    }
    serial++;
    const caseSourceId = `AY-${new Date().getFullYear()}-${String(serial).padStart(5, '0')}`;
    caseSources.set(key, { caseSourceId, body: parsed });
    figures.accepted++;
    res.json({ caseSourceId, duplicate: false });
    const feedbackUrl = options.feedbackUrl;
    if (feedbackUrl) {
      setTimeout(() => {
        void sendFeedback(feedbackUrl, {
          feedbackId: `FB-${randomUUID()}`,
          caseNo: parsed.caseNo,
          caseSourceId,
          stage: 'filed',
          reference: `云综执立字〔${new Date().getFullYear()}〕第 ${String(serial).padStart(4, '0')} 号`,
          opinion: '案源已受理，经审查符合立案条件，予以立案',
          at: new Date().toISOString(),
        }).catch(() => undefined);
      }, options.autoFeedbackMs ?? 1_000).unref();
    }
  });
  app.use((_req, res) => {
    res.status(404).json({ error: '无此接口' });
  });
  const running = await listenSimulator(app, options.port ?? 0);
  return { ...running, figures, caseSources, sendFeedback };
}
