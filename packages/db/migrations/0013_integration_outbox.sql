CREATE TABLE "integration_callbacks" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"system" text NOT NULL,
	"callback_id" text NOT NULL,
	"case_no" text,
	"payload" jsonb NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outbox_messages" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"system" text NOT NULL,
	"lane" text NOT NULL,
	"kind" text NOT NULL,
	"case_id" bigint,
	"event_seq" bigint,
	"idempotency_key" text NOT NULL,
	"payload" jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"last_attempt_at" timestamp with time zone,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"lease_until" timestamp with time zone,
	"remote_id" text,
	"sent_at" timestamp with time zone,
	"dead_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "outbox_messages_status_check" CHECK ("outbox_messages"."status" in ('pending', 'sending', 'sent', 'dead'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX "integration_callbacks_uq" ON "integration_callbacks" USING btree ("system","callback_id");--> statement-breakpoint
CREATE UNIQUE INDEX "outbox_messages_key_uq" ON "outbox_messages" USING btree ("system","idempotency_key");--> statement-breakpoint
CREATE INDEX "outbox_messages_unsent_idx" ON "outbox_messages" USING btree ("system","lane","id") WHERE "outbox_messages"."status" <> 'sent';--> statement-breakpoint
CREATE INDEX "outbox_messages_sent_idx" ON "outbox_messages" USING btree ("system","sent_at");