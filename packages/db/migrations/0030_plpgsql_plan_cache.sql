-- The BFF's pool prepares its statements and plans every execution with its own values
-- (plan_cache_mode = force_custom_plan, packages/db/src/prepared-statements.ts). PL/pgSQL
-- functions keep PostgreSQL's default: a trigger's statements are planned once per session,
-- not again for every row (forced, the stream and audit triggers re-planned per row).
-- A new PL/pgSQL function gets the same line; a test lists any that lack it.
ALTER FUNCTION "case_events_assign_seq"() SET plan_cache_mode = 'auto';--> statement-breakpoint
ALTER FUNCTION "case_events_refuse_change"() SET plan_cache_mode = 'auto';--> statement-breakpoint
ALTER FUNCTION audit_log_chain() SET plan_cache_mode = 'auto';--> statement-breakpoint
ALTER FUNCTION audit_log_refuse_change() SET plan_cache_mode = 'auto';--> statement-breakpoint
ALTER FUNCTION audit_chain_head_guard() SET plan_cache_mode = 'auto';
