-- The operation log is append-only and hash-chained (MLPS audit protection). Triggers
-- work the same on PGlite and PostgreSQL and hold for every database user, the
-- application's included. Custom SQL: drizzle-kit cannot generate functions or triggers.

-- The chain's head: the last sequence number and hash, locked by each insert until commit,
-- so the chain is one total order even with concurrent writers.
CREATE TABLE "audit_chain_head" (
	"id" integer PRIMARY KEY CHECK ("id" = 1),
	"last_seq" bigint NOT NULL,
	"last_hash" text NOT NULL
);
--> statement-breakpoint
INSERT INTO "audit_chain_head" ("id", "last_seq", "last_hash") VALUES (1, 0, repeat('0', 64));
--> statement-breakpoint
-- A row's hash: SHA-256 over the previous hash and the row's canonical content (a jsonb
-- array renders the same on every server; the time in UTC with microseconds).
-- apps/bff/src/modules/audit/verify-audit-chain.ts recomputes the same expression.
CREATE FUNCTION audit_log_row_hash(r audit_log) RETURNS text LANGUAGE sql STABLE AS $$
	SELECT encode(sha256(convert_to(r.prev_hash || E'\n' || jsonb_build_array(
		r.chain_seq, r.id, to_char(r.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
		r.user_id, r.username, r.action, r.outcome, r.target, r.detail, r.ip, r.area_path
	)::text, 'UTF8')), 'hex')
$$;
--> statement-breakpoint
-- Rows written before this migration join the chain in id order.
DO $$
DECLARE
	r audit_log;
	seq bigint := 0;
	prev text := repeat('0', 64);
BEGIN
	FOR r IN SELECT * FROM audit_log ORDER BY id LOOP
		seq := seq + 1;
		r.chain_seq := seq;
		r.prev_hash := prev;
		r.row_hash := audit_log_row_hash(r);
		UPDATE audit_log SET chain_seq = r.chain_seq, prev_hash = r.prev_hash, row_hash = r.row_hash WHERE id = r.id;
		prev := r.row_hash;
	END LOOP;
	UPDATE audit_chain_head SET last_seq = seq, last_hash = prev WHERE id = 1;
END $$;
--> statement-breakpoint
ALTER TABLE "audit_log" ALTER COLUMN "chain_seq" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "audit_log" ALTER COLUMN "prev_hash" SET NOT NULL;
--> statement-breakpoint
ALTER TABLE "audit_log" ALTER COLUMN "row_hash" SET NOT NULL;
--> statement-breakpoint
CREATE UNIQUE INDEX "audit_log_chain_seq_uq" ON "audit_log" ("chain_seq");
--> statement-breakpoint
CREATE FUNCTION audit_log_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	head audit_chain_head;
BEGIN
	SELECT * INTO head FROM audit_chain_head WHERE id = 1 FOR UPDATE;
	NEW.chain_seq := head.last_seq + 1;
	NEW.prev_hash := head.last_hash;
	NEW.row_hash := audit_log_row_hash(NEW);
	UPDATE audit_chain_head SET last_seq = NEW.chain_seq, last_hash = NEW.row_hash WHERE id = 1;
	RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER "audit_log_chain" BEFORE INSERT ON "audit_log" FOR EACH ROW EXECUTE FUNCTION audit_log_chain();
--> statement-breakpoint
CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
--> statement-breakpoint
CREATE TRIGGER "audit_log_append_only" BEFORE UPDATE OR DELETE ON "audit_log" FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
--> statement-breakpoint
CREATE TRIGGER "audit_log_no_truncate" BEFORE TRUNCATE ON "audit_log" FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
--> statement-breakpoint
-- The head moves only from inside the chain trigger (trigger depth 2), never by a statement of its own.
CREATE FUNCTION audit_chain_head_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'UPDATE' AND pg_trigger_depth() > 1 THEN
		RETURN NEW;
	END IF;
	RAISE EXCEPTION 'audit_chain_head is kept by the audit_log trigger: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
--> statement-breakpoint
CREATE TRIGGER "audit_chain_head_guard" BEFORE UPDATE OR DELETE ON "audit_chain_head" FOR EACH ROW EXECUTE FUNCTION audit_chain_head_guard();
--> statement-breakpoint
CREATE TRIGGER "audit_chain_head_no_truncate" BEFORE TRUNCATE ON "audit_chain_head" FOR EACH STATEMENT EXECUTE FUNCTION audit_chain_head_guard();
