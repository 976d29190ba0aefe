import type { Database } from '@citygov/db/client';
import express, { type NextFunction, type Request, type Response, Router } from 'express';
import type { AppConfig } from '../../env';
import { drainRequest } from '../../http/drain-request';
import { storePublicPhoto, UploadError } from '../attachments/api';
import { writeAudit } from '../audit/api';
import { findPublicProgress } from '../public-tracking/api';
import { type ApiKeyRow, ensureDemoApiKey, findActiveKey } from './api-keys';
import { createServiceRequest, validateReport } from './create-service-request';
import { describePlace } from './locate-report';
import { type Format, isFormat, notFound, Open311Error, sendAnswer, sendErrors } from './open311-format';
import { findService, listServices, parseServiceCode, serviceAttributes } from './open311-services';
import { loadOpen311Settings, type Open311Settings } from './open311-settings';
import { publicConfig } from './public-config';
import { publicReporter } from './public-reporter';
import { Open311Limits, RateLimitedError } from './rate-limits';
import { readRequestFilter } from './request-filter';
import type { RawParams } from './request-params';
import { findRequestByToken, listServiceRequests, type Open311Request } from './service-request-queries';

interface Ctx {
  req: Request;
  res: Response;
  format: Format;
  /** Path segment captured before the format (service code, request id, token). */
  id: string;
}

type Handler = (ctx: Ctx) => Promise<void>;

interface Route {
  /** Captures: the id segment (when the resource has one), then the format. */
  pattern: RegExp;
  handlers: Partial<Record<'GET' | 'POST', Handler>>;
}

const SPEC = 'http://wiki.open311.org/GeoReport_v2';

/** Request rows as XML: <service_requests><request>…</request></service_requests>. */
function requestsXml(rows: readonly object[]) {
  return { service_requests: { request: rows.map((row) => ({ ...row })) } };
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new Open311Error(400, '网址编码错误 (malformed URL encoding)');
  }
}

/** The format a path asks for, for error answers before routing has decided (JSON unless `.xml`). */
function formatOfPath(path: string): Format {
  return path.toLowerCase().endsWith('.xml') ? 'xml' : 'json';
}

function clientIp(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}

/**
 * Open311 GeoReport v2 on the real case data, mounted at /open311:
 * - /v2/services.{fmt}, /v2/services/{service_code}.{fmt}
 * - /v2/requests.{fmt} (GET list, POST create with api_key), /v2/requests/{id}.{fmt}
 * - /v2/tokens/{token}.{fmt}
 * - /discovery.{fmt} (service discovery) and /web-config.json (the citizen page's key)
 * - /track/{查询码}.json: the citizen page's view of one report (not part of GeoReport)
 * Every refusal is in the spec's error format, in the format the path asked for.
 */
export function createOpen311Routes(
  db: Database,
  config: AppConfig,
  settings: Open311Settings = loadOpen311Settings(),
): Router {
  const limits = new Open311Limits(settings);
  let demoKey: Promise<void> | null = null;
  const ensureDemoKey = () => {
    if (!config.seedDemo) return Promise.resolve();
    demoKey ??= ensureDemoApiKey(db).catch((error: unknown) => {
      demoKey = null;
      throw error;
    });
    return demoKey;
  };

  const checkJurisdiction = (params: RawParams) => {
    const given = params.jurisdiction_id;
    if (given === undefined || given === '') return;
    if (typeof given !== 'string')
      throw new Open311Error(400, 'jurisdiction_id 只能有一个值 (one jurisdiction_id only)');
    if (given.trim() !== settings.jurisdictionId) {
      throw notFound(
        `jurisdiction_id「${given.slice(0, 60)}」不存在，本接口只服务 ${settings.jurisdictionId} (jurisdiction_id provided was not found)`,
      );
    }
  };

  const readGuard = async (ctx: Ctx) => {
    await limits.read(clientIp(ctx.req));
    checkJurisdiction(ctx.req.query as RawParams);
  };

  const answerRequests = (ctx: Ctx, rows: Open311Request[]) =>
    sendAnswer(ctx.res, ctx.format, 200, rows, requestsXml(rows));

  const getServices: Handler = async (ctx) => {
    await readGuard(ctx);
    const services = await listServices(db);
    sendAnswer(ctx.res, ctx.format, 200, services, { services: { service: services.map((s) => ({ ...s })) } });
  };

  const getServiceDefinition: Handler = async (ctx) => {
    await readGuard(ctx);
    const key = parseServiceCode(ctx.id);
    const service = key ? await findService(db, key) : null;
    if (!key || !service) throw notFound(`service_code「${ctx.id.slice(0, 60)}」不存在 (service_code not found)`);
    const attributes = serviceAttributes(key);
    sendAnswer(
      ctx.res,
      ctx.format,
      200,
      { service_code: service.service_code, attributes },
      {
        service_definition: {
          service_code: service.service_code,
          attributes: {
            attribute: attributes.map(({ values, ...rest }) => ({
              ...rest,
              values: { value: values.map((v) => ({ ...v })) },
            })),
          },
        },
      },
    );
  };

  const published = settings.publishedSources;

  const getRequests: Handler = async (ctx) => {
    await readGuard(ctx);
    answerRequests(ctx, await listServiceRequests(db, readRequestFilter(ctx.req.query as RawParams), published));
  };

  // An unpublished case answers exactly as a missing one: the number says nothing.
  const getRequest: Handler = async (ctx) => {
    await readGuard(ctx);
    const rows = await listServiceRequests(db, { ids: [ctx.id] }, published);
    if (rows.length === 0) {
      throw notFound(`没有编号为「${ctx.id.slice(0, 40)}」的公开案件 (service_request_id not found)`);
    }
    answerRequests(ctx, rows);
  };

  /**
   * A 查询码 lookup (tokens, the tracking page): every wrong code — malformed, unknown —
   * gets the same 404 and counts against the address; too many and it is refused for a while.
   */
  const lookUpCode = async <T>(ctx: Ctx, find: () => Promise<T | null>, what: string): Promise<T> => {
    const ip = clientIp(ctx.req);
    await limits.read(ip);
    await limits.checkTrack(ip);
    checkJurisdiction(ctx.req.query as RawParams);
    const found = await find();
    if (found) return found;
    await limits.chargeTrackMiss(ip);
    throw notFound(`${what}不存在，请核对后重新输入 (token not found)`);
  };

  const getToken: Handler = async (ctx) => {
    const found = await lookUpCode(ctx, () => findRequestByToken(db, ctx.id, published), 'token（查询码）');
    sendAnswer(ctx.res, ctx.format, 200, [found], requestsXml([found]));
  };

  /** The citizen's tracking page: the public view of one report by its 查询码 (JSON only). */
  const getTracking: Handler = async (ctx) => {
    const found = await lookUpCode(ctx, () => findPublicProgress(db, ctx.id), '查询码');
    ctx.res.status(200).setHeader('Cache-Control', 'no-store');
    ctx.res.json(found);
  };

  /** Refusals of a report are logged (outside any transaction), as tRPC logs refused mutations. */
  const logRefusal = async (req: Request, key: ApiKeyRow | null, error: Open311Error) => {
    await writeAudit(db, {
      userId: null,
      username: key ? `open311:${key.name}` : null,
      action: 'open311.createRequest',
      outcome: error.status === 403 ? 'denied' : 'failed',
      detail: { status: error.status, error: error.message.slice(0, 500) },
      ip: clientIp(req),
      areaPath: null,
    }).catch((failure: unknown) => console.error('[open311] audit of a refusal failed:', failure));
  };

  const postRequest: Handler = async (ctx) => {
    const { req } = ctx;
    const ip = clientIp(req);
    const body = (req.body && typeof req.body === 'object' && !Array.isArray(req.body) ? req.body : {}) as RawParams;
    // Fields may come in the body (the spec's form) or, for api_key and jurisdiction_id, the query string.
    const params: RawParams = { ...(req.query as RawParams), ...body };
    checkJurisdiction(params);
    await limits.checkIp(ip);
    await ensureDemoKey();
    let key: ApiKeyRow | null = null;
    try {
      const presented = params.api_key;
      if (presented === undefined || presented === '') {
        await limits.chargeIp(ip);
        throw new Open311Error(403, "缺少 api_key (api_key was not provided -- can't proceed with create_request)");
      }
      key = typeof presented === 'string' ? await findActiveKey(db, presented) : null;
      if (!key) {
        await limits.chargeIp(ip);
        throw new Open311Error(
          403,
          "api_key 无效或已停用 (Invalid api_key received -- can't proceed with create_request)",
        );
      }
      // Citizens share the published key, so they are counted per address; integrations per key.
      if (key.published) await limits.chargeIp(ip);
      await limits.chargeKey(key.id);
      const report = await validateReport(db, params);
      const created = await createServiceRequest(db, key, report, ip, published.includes('public'));
      sendAnswer(ctx.res, ctx.format, 201, [created], requestsXml([created]));
    } catch (error) {
      if (error instanceof Open311Error && !(error instanceof RateLimitedError)) await logRefusal(req, key, error);
      throw error;
    }
  };

  const getDiscovery: Handler = async (ctx) => {
    await limits.read(clientIp(ctx.req));
    const base = `${ctx.req.protocol}://${ctx.req.get('host') ?? 'localhost'}${ctx.req.baseUrl}`;
    const endpoint = {
      specification: SPEC,
      url: `${base}/v2`,
      changeset: '2026-05-01T00:00:00+08:00',
      type: 'production',
      formats: ['text/xml', 'application/json'],
    };
    const discovery = {
      changeset: '2026-05-01T00:00:00+08:00',
      contact: '云湖市城市运行管理服务中心，电话 12345 (Yunhu city management service centre)',
      key_service: 'API key 请向市城市运行管理服务中心申请 (ask the centre for an api_key)',
    };
    sendAnswer(
      ctx.res,
      ctx.format,
      200,
      { ...discovery, endpoints: [endpoint] },
      {
        discovery: {
          ...discovery,
          endpoints: { endpoint: [{ ...endpoint, formats: { format: endpoint.formats } }] },
        },
      },
    );
  };

  const getWebConfig: Handler = async (ctx) => {
    await limits.read(clientIp(ctx.req));
    const answer = await publicConfig(db, settings);
    ctx.res.status(200).setHeader('Cache-Control', 'no-store');
    ctx.res.json(answer);
  };

  /**
   * A citizen's photo for a report to come (not part of GeoReport; media_url needs a
   * public host the citizen does not have): multipart `file` with the published api_key in
   * the query. Answers a media_token that the report's POST presents as `media_token`.
   */
  const postMedia: Handler = async (ctx) => {
    const { req } = ctx;
    const ip = clientIp(req);
    try {
      await limits.chargeMedia(ip);
      await ensureDemoKey();
      const presented = (req.query as RawParams).api_key;
      const key = typeof presented === 'string' && presented ? await findActiveKey(db, presented) : null;
      if (!key) throw new Open311Error(403, 'api_key 无效或已停用 (Invalid api_key received)');
      const reporter = await publicReporter(db);
      const stored = await storePublicPhoto(db, config, req, reporter.id);
      await writeAudit(db, {
        userId: reporter.id,
        username: `open311:${key.name}`,
        action: 'open311.uploadMedia',
        outcome: 'ok',
        target: `attachment:${stored.id}`,
        detail: { apiKey: key.keyPrefix },
        ip,
        areaPath: reporter.areaPath,
      });
      ctx.res.status(201).json({ media_token: stored.token });
    } catch (error) {
      drainRequest(req, config.maxPhotoBytes);
      if (error instanceof UploadError) throw new Open311Error(error.status, error.message);
      throw error;
    }
  };

  /** The citizen page's place name for a picked point (not part of GeoReport), from our own area data. */
  const getPlace: Handler = async (ctx) => {
    await limits.read(clientIp(ctx.req));
    const query = ctx.req.query as RawParams;
    const lat = Number(typeof query.lat === 'string' ? query.lat : Number.NaN);
    const lng = Number(typeof query.long === 'string' ? query.long : Number.NaN);
    if (!Number.isFinite(lat) || !Number.isFinite(lng) || Math.abs(lat) > 90 || Math.abs(lng) > 180) {
      throw new Open311Error(400, '请提供有效的经纬度 lat、long (lat and long must be numbers)');
    }
    const name = await describePlace(db, { lng, lat });
    if (!name) throw notFound('该位置不在本市范围内 (the point is outside the city)');
    ctx.res.status(200).setHeader('Cache-Control', 'public, max-age=300');
    ctx.res.json({ name });
  };

  const routes: Route[] = [
    { pattern: /^\/v2\/services\.([^./]+)$/, handlers: { GET: getServices } },
    { pattern: /^\/v2\/services\/([^/]+)\.([^./]+)$/, handlers: { GET: getServiceDefinition } },
    { pattern: /^\/v2\/requests\.([^./]+)$/, handlers: { GET: getRequests, POST: postRequest } },
    { pattern: /^\/v2\/requests\/([^/]+)\.([^./]+)$/, handlers: { GET: getRequest } },
    { pattern: /^\/v2\/tokens\/([^/]+)\.([^./]+)$/, handlers: { GET: getToken } },
    { pattern: /^\/discovery\.([^./]+)$/, handlers: { GET: getDiscovery } },
    { pattern: /^\/web-config\.(json)$/, handlers: { GET: getWebConfig } },
    { pattern: /^\/track\/([^/]+)\.(json)$/, handlers: { GET: getTracking } },
    { pattern: /^\/place\.(json)$/, handlers: { GET: getPlace } },
    { pattern: /^\/media\.(json)$/, handlers: { POST: postMedia } },
  ];

  const dispatch = async (req: Request, res: Response) => {
    let format = formatOfPath(req.path);
    try {
      const route = routes.find((r) => r.pattern.test(req.path));
      const match = route?.pattern.exec(req.path);
      if (!route || !match) throw notFound('接口不存在 (resource not found)');
      const asked = (match[match.length - 1] ?? '').toLowerCase();
      if (!isFormat(asked))
        throw notFound(`不支持的格式「${asked.slice(0, 20)}」，请用 .json 或 .xml (format not supported)`);
      format = asked;
      const method = req.method === 'HEAD' ? 'GET' : req.method;
      const handler = method === 'GET' || method === 'POST' ? route.handlers[method] : undefined;
      if (!handler) {
        res.setHeader('Allow', Object.keys(route.handlers).join(', '));
        throw new Open311Error(405, `不支持 ${req.method.slice(0, 10)} 方法 (method not allowed)`);
      }
      const id = match.length > 2 ? decodeSegment(match[1] ?? '') : '';
      await handler({ req, res, format, id });
    } catch (error) {
      answerError(res, format, error, req);
    }
  };

  const router = Router();
  const maxBody = settings.maxBodyBytes;
  const parseForm = express.urlencoded({ extended: false, limit: maxBody, parameterLimit: 200 });
  const parseJson = express.json({ limit: maxBody });
  router.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'POST') {
      next();
      return;
    }
    parseForm(req, res, (error?: unknown) => (error ? next(error) : parseJson(req, res, next)));
  });
  router.use((req: Request, res: Response) => {
    void dispatch(req, res);
  });
  // Body parser refusals (too large, malformed JSON, unknown charset) in the spec's format.
  router.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    answerError(res, formatOfPath(req.path), error, req);
  });
  return router;
}

interface HttpError {
  status?: unknown;
  type?: unknown;
}

function answerError(res: Response, format: Format, error: unknown, req: Request): void {
  if (error instanceof Open311Error) {
    if (error instanceof RateLimitedError) res.setHeader('Retry-After', String(error.retryAfterSeconds));
    sendErrors(res, format, error);
    return;
  }
  const http = (error ?? {}) as HttpError;
  const status = typeof http.status === 'number' ? http.status : 500;
  if (status === 413 || http.type === 'parameters.too.many') {
    sendErrors(res, format, new Open311Error(413, '请求内容过大（上限 64 KB）(request body too large)'));
  } else if (status === 415) {
    sendErrors(res, format, new Open311Error(415, '请求编码不受支持，请用 UTF-8 (unsupported encoding, use UTF-8)'));
  } else if (status >= 400 && status < 500) {
    sendErrors(res, format, new Open311Error(400, '请求格式错误，无法解析 (malformed request body)'));
  } else {
    console.error(`[open311] ${req.method} ${req.originalUrl}:`, error);
    sendErrors(res, format, new Open311Error(500, '服务暂时不可用，请稍后再试 (general service error)'));
  }
}
