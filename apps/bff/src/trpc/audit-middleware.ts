import type { Database } from '@citygov/db/client';
import { DomainError } from '@citygov/domain/errors';
import { TRPCError } from '@trpc/server';
import { ZodError } from 'zod';
import { writeAudit } from '../modules/audit/api';
import type { Context } from './context';
import { toTrpcError } from './error-mapping';
import { clientMessageOf, t } from './init';
import { InputRefusedError } from './input-border';

function actorOf(ctx: Context, path: string) {
  return {
    userId: ctx.user?.id ?? null,
    username: ctx.user?.username ?? null,
    action: path,
    ip: ctx.ip,
    areaPath: ctx.user?.areaPath ?? null,
  };
}

/** The raw input as the log keeps it; an input that could not even be parsed is said so. */
async function inputDetail(getRawInput: () => Promise<unknown>): Promise<unknown> {
  try {
    return (await getRawInput()) ?? null;
  } catch {
    return { unparsable: true };
  }
}

/** Refused before the procedure's own code ran: unparsable, refused at the border, or by zod. */
function refusedInput(error: TRPCError): boolean {
  const cause = error.cause;
  if (cause instanceof ZodError || cause instanceof InputRefusedError) return true;
  return !(cause instanceof DomainError) && (error.code === 'PARSE_ERROR' || error.code === 'BAD_REQUEST');
}

/**
 * Every refused mutation leaves a row (ASVS V7, MLPS audit), whatever refused it: a bad
 * input at the border or in zod, a missing permission, a domain rule, a failed commit.
 * It sits outside the transaction, which has been rolled back by then. Procedures that
 * log their own refusals (`auditSelf`, login) are only covered for refused input.
 */
export const auditRefusals = t.middleware(async ({ ctx, type, path, meta, next, getRawInput }) => {
  if (type !== 'mutation') return next();
  const result = await next();
  if (result.ok) return result;
  if (meta?.auditSelf && !refusedInput(result.error)) return result;
  // As the client will be told (a failed commit is mapped only by the outermost mapErrors).
  const mapped = toTrpcError(result.error);
  const shown = mapped instanceof TRPCError ? mapped : result.error;
  await writeAudit(ctx.db, {
    ...actorOf(ctx, path),
    outcome: shown.code === 'FORBIDDEN' || shown.code === 'UNAUTHORIZED' ? 'denied' : 'failed',
    detail: await inputDetail(getRawInput),
    error: clientMessageOf(shown),
  }).catch((failure: unknown) => console.error(`[audit] refusal of ${path} not logged:`, failure));
  return result;
});

class Rollback extends Error {}

/**
 * Every mutation runs in one transaction and writes its audit row inside it, so a
 * change and its log entry commit or vanish together (refusals: auditRefusals).
 */
export const auditedTransaction = t.middleware(async ({ ctx, type, path, meta, next, getRawInput }) => {
  if (type !== 'mutation' || meta?.auditSelf) return next();
  const detail = await inputDetail(getRawInput);
  type Result = Awaited<ReturnType<typeof next>>;
  const outcome: { failed: Result | null } = { failed: null };
  const committed: (() => void)[] = [];
  try {
    const result = await ctx.db.transaction(async (tx) => {
      const result = await next({
        ctx: { db: tx as unknown as Database, afterCommit: (task: () => void) => committed.push(task) },
      });
      if (!result.ok) {
        outcome.failed = result;
        throw new Rollback();
      }
      // Last statement of the transaction: the audit chain's lock is held only until the commit.
      await writeAudit(tx, { ...actorOf(ctx, path), outcome: 'ok', detail });
      return result;
    });
    for (const task of committed) task();
    return result;
  } catch (error) {
    if (error instanceof Rollback && outcome.failed) return outcome.failed;
    throw error;
  }
});
