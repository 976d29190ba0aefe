import { CASE_SOURCES, type CaseSource } from '@citygov/domain/cases/case-states';
import { z } from 'zod';

const SOURCES = Object.keys(CASE_SOURCES) as [CaseSource, ...CaseSource[]];

/**
 * Settings of the Open311 endpoint. Read here rather than in env.ts so the module
 * stays self-contained; every value has a working default.
 */
const SettingsSchema = z.object({
  /** Our jurisdiction_id (the city's web root without "www", as the spec suggests). */
  OPEN311_JURISDICTION_ID: z.string().trim().min(1).default('yunhu.citygov.cn'),
  /** Reports per IP address per 10 minutes, for citizens (the public web key) and for failed keys. */
  OPEN311_POSTS_PER_IP: z.coerce.number().int().positive().default(10),
  /** Reports per API key per minute. */
  OPEN311_POSTS_PER_KEY: z.coerce.number().int().positive().default(120),
  /** Reads (service list, request queries) per IP address per minute. */
  OPEN311_READS_PER_IP: z.coerce.number().int().positive().default(300),
  /**
   * The case sources GET requests publishes (comma list of CASE_SOURCES keys). Citizens'
   * own reports by default; 12345 hotline cases are written by staff from a call and
   * often carry the caller's details, so publishing them is the city's explicit choice.
   */
  OPEN311_PUBLISHED_SOURCES: z
    .string()
    .default('public')
    .transform((text) => [
      ...new Set(
        text
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      ),
    ])
    .pipe(z.array(z.enum(SOURCES))),
  /** Unknown 查询码 / tokens per IP address per 10 minutes before lookups are refused. */
  OPEN311_TRACK_MISSES_PER_IP: z.coerce.number().int().positive().default(20),
});

export interface Open311Settings {
  jurisdictionId: string;
  postsPerIpPer10Min: number;
  postsPerKeyPerMin: number;
  readsPerIpPerMin: number;
  /** Sources whose cases GET requests shows; every other case answers 404 as if missing. */
  publishedSources: readonly CaseSource[];
  trackMissesPerIpPer10Min: number;
  /** Request bodies above this are refused with 413 before parsing. */
  maxBodyBytes: number;
}

export function loadOpen311Settings(env: NodeJS.ProcessEnv = process.env): Open311Settings {
  const parsed = SettingsSchema.parse(env);
  return {
    jurisdictionId: parsed.OPEN311_JURISDICTION_ID,
    postsPerIpPer10Min: parsed.OPEN311_POSTS_PER_IP,
    postsPerKeyPerMin: parsed.OPEN311_POSTS_PER_KEY,
    readsPerIpPerMin: parsed.OPEN311_READS_PER_IP,
    publishedSources: parsed.OPEN311_PUBLISHED_SOURCES,
    trackMissesPerIpPer10Min: parsed.OPEN311_TRACK_MISSES_PER_IP,
    maxBodyBytes: 64 * 1024,
  };
}
