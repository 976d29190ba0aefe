CREATE TABLE "alarms" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"type" text NOT NULL,
	"subject" text NOT NULL,
	"subject_name" text,
	"confidence" double precision,
	"value" double precision,
	"lng" double precision NOT NULL,
	"lat" double precision NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"snapshot_attachment_id" bigint,
	"case_id" bigint,
	"outcome" text NOT NULL,
	"detail" jsonb,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "alarms_source_check" CHECK ("alarms"."source" in ('video', 'iot')),
	CONSTRAINT "alarms_type_check" CHECK ("alarms"."type" in ('flood', 'manhole_tilt', 'bin_full', 'street_vending', 'illegal_parking', 'exposed_garbage', 'debris')),
	CONSTRAINT "alarms_outcome_check" CHECK ("alarms"."outcome" in ('opened', 'sighting', 'ignored'))
);
--> statement-breakpoint
CREATE TABLE "iot_devices" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"address" text NOT NULL,
	"lng" double precision NOT NULL,
	"lat" double precision NOT NULL,
	"area_id" integer NOT NULL,
	"area_path" text NOT NULL,
	"thresholds" jsonb NOT NULL,
	"report_seconds" integer DEFAULT 60 NOT NULL,
	"state" text DEFAULT 'normal' NOT NULL,
	"online" boolean DEFAULT false NOT NULL,
	"last_value" double precision,
	"last_reading_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "iot_devices_type_check" CHECK ("iot_devices"."type" in ('water_level', 'manhole_tilt', 'bin_fill')),
	CONSTRAINT "iot_devices_state_check" CHECK ("iot_devices"."state" in ('normal', 'alarm'))
);
--> statement-breakpoint
CREATE TABLE "iot_readings" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"device_id" integer NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"value" double precision NOT NULL
);
--> statement-breakpoint
CREATE TABLE "video_channels" (
	"id" serial PRIMARY KEY NOT NULL,
	"device_id" text NOT NULL,
	"channel_id" text NOT NULL,
	"role" text NOT NULL,
	"name" text NOT NULL,
	"parent_id" text,
	"civil_code" text,
	"manufacturer" text,
	"model" text,
	"address" text,
	"ptz_type" integer,
	"online" boolean DEFAULT false NOT NULL,
	"lng" double precision,
	"lat" double precision,
	"area_id" integer,
	"area_path" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "video_devices" (
	"id" serial PRIMARY KEY NOT NULL,
	"device_id" text NOT NULL,
	"name" text,
	"manufacturer" text,
	"model" text,
	"firmware" text,
	"transport" text NOT NULL,
	"host" text NOT NULL,
	"port" integer NOT NULL,
	"password" text,
	"online" boolean DEFAULT false NOT NULL,
	"registered_at" timestamp with time zone,
	"expires_at" timestamp with time zone,
	"last_keepalive_at" timestamp with time zone,
	"channel_count" integer DEFAULT 0 NOT NULL,
	"area_id" integer,
	"area_path" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "alarms" ADD CONSTRAINT "alarms_snapshot_attachment_id_case_attachments_id_fk" FOREIGN KEY ("snapshot_attachment_id") REFERENCES "public"."case_attachments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alarms" ADD CONSTRAINT "alarms_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "iot_devices" ADD CONSTRAINT "iot_devices_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "iot_readings" ADD CONSTRAINT "iot_readings_device_id_iot_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."iot_devices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "video_channels" ADD CONSTRAINT "video_channels_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "video_devices" ADD CONSTRAINT "video_devices_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "alarms_subject_idx" ON "alarms" USING btree ("subject","type","at");--> statement-breakpoint
CREATE INDEX "alarms_case_idx" ON "alarms" USING btree ("case_id") WHERE "alarms"."case_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "iot_devices_code_uq" ON "iot_devices" USING btree ("code");--> statement-breakpoint
CREATE INDEX "iot_devices_area_path_idx" ON "iot_devices" USING btree ("area_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "iot_readings_device_at_idx" ON "iot_readings" USING btree ("device_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "video_channels_device_channel_uq" ON "video_channels" USING btree ("device_id","channel_id");--> statement-breakpoint
CREATE INDEX "video_channels_area_path_idx" ON "video_channels" USING btree ("area_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "video_channels_lat_lng_idx" ON "video_channels" USING btree ("lat","lng") WHERE "video_channels"."role" = 'camera';--> statement-breakpoint
CREATE UNIQUE INDEX "video_devices_device_id_uq" ON "video_devices" USING btree ("device_id");--> statement-breakpoint
CREATE INDEX "video_devices_area_path_idx" ON "video_devices" USING btree ("area_path" text_pattern_ops);