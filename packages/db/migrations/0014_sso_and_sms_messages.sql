CREATE TABLE "sms_messages" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"out_id" text NOT NULL,
	"gateway" text NOT NULL,
	"purpose" text NOT NULL,
	"phone" text NOT NULL,
	"template" text NOT NULL,
	"params" jsonb NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"remote_id" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"err_code" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sms_messages_state_check" CHECK ("sms_messages"."state" in ('pending', 'sent', 'unknown', 'delivered', 'failed')),
	CONSTRAINT "sms_messages_gateway_check" CHECK ("sms_messages"."gateway" in ('aliyun', 'yunmas')),
	CONSTRAINT "sms_messages_purpose_check" CHECK ("sms_messages"."purpose" in ('login_code', 'education', 'overdue_alert', 'notice'))
);
--> statement-breakpoint
CREATE TABLE "citizen_sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"provider" text NOT NULL,
	"external_user_id" text NOT NULL,
	"name" text DEFAULT '' NOT NULL,
	"phone" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "external_accounts" (
	"id" serial PRIMARY KEY NOT NULL,
	"provider" text NOT NULL,
	"account_id" text NOT NULL,
	"employee_code" text,
	"display_name" text DEFAULT '' NOT NULL,
	"user_id" integer NOT NULL,
	"bound_by" text NOT NULL,
	"bound_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_login_at" timestamp with time zone,
	CONSTRAINT "external_accounts_provider_check" CHECK ("external_accounts"."provider" in ('zzd')),
	CONSTRAINT "external_accounts_bound_by_check" CHECK ("external_accounts"."bound_by" in ('seed', 'password', 'admin'))
);
--> statement-breakpoint
CREATE TABLE "sms_login_codes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"phone" text NOT NULL,
	"user_id" integer NOT NULL,
	"code_hash" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	CONSTRAINT "sms_login_codes_attempts_check" CHECK ("sms_login_codes"."attempts" >= 0)
);
--> statement-breakpoint
ALTER TABLE "external_accounts" ADD CONSTRAINT "external_accounts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sms_login_codes" ADD CONSTRAINT "sms_login_codes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "sms_messages_out_id_uq" ON "sms_messages" USING btree ("out_id");--> statement-breakpoint
CREATE INDEX "sms_messages_remote_idx" ON "sms_messages" USING btree ("gateway","remote_id");--> statement-breakpoint
CREATE INDEX "sms_messages_phone_idx" ON "sms_messages" USING btree ("phone","created_at");--> statement-breakpoint
CREATE INDEX "sms_messages_state_idx" ON "sms_messages" USING btree ("state","updated_at");--> statement-breakpoint
CREATE INDEX "citizen_sessions_expires_idx" ON "citizen_sessions" USING btree ("expires_at");--> statement-breakpoint
CREATE UNIQUE INDEX "external_accounts_account_uq" ON "external_accounts" USING btree ("provider","account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "external_accounts_user_uq" ON "external_accounts" USING btree ("provider","user_id");--> statement-breakpoint
CREATE INDEX "external_accounts_employee_idx" ON "external_accounts" USING btree ("provider","employee_code");--> statement-breakpoint
CREATE INDEX "sms_login_codes_phone_idx" ON "sms_login_codes" USING btree ("phone","created_at");