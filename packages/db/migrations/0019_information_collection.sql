CREATE TABLE "collection_types" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"fields" jsonb NOT NULL,
	"review_required" boolean DEFAULT true NOT NULL,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "collection_records" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"type_code" text NOT NULL,
	"area_id" integer NOT NULL,
	"area_path" text NOT NULL,
	"name" text NOT NULL,
	"address" text DEFAULT '' NOT NULL,
	"lng" double precision,
	"lat" double precision,
	"values" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"owner_phone" text,
	"status" text NOT NULL,
	"source" text NOT NULL,
	"created_by" integer,
	"qr_token_id" bigint,
	"review_note" text,
	"reviewed_by" integer,
	"deregister_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "collection_records_status_check" CHECK ("collection_records"."status" in ('pending', 'approved', 'rejected', 'deregistered', 'deregister_pending')),
	CONSTRAINT "collection_records_source_check" CHECK ("collection_records"."source" in ('qr', 'desk', 'import'))
);
--> statement-breakpoint
CREATE TABLE "collection_qr_tokens" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"token" text NOT NULL,
	"type_code" text NOT NULL,
	"area_id" integer NOT NULL,
	"area_path" text NOT NULL,
	"label" text NOT NULL,
	"collector_id" integer,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "collection_reveals" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"record_id" bigint NOT NULL,
	"field_key" text NOT NULL,
	"viewer_id" integer NOT NULL,
	"viewed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "collection_owner_codes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"phone" text NOT NULL,
	"code_hash" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "collection_owner_sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"phone" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "collection_records" ADD CONSTRAINT "collection_records_type_code_collection_types_code_fk" FOREIGN KEY ("type_code") REFERENCES "public"."collection_types"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collection_records" ADD CONSTRAINT "collection_records_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collection_records" ADD CONSTRAINT "collection_records_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collection_records" ADD CONSTRAINT "collection_records_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collection_qr_tokens" ADD CONSTRAINT "collection_qr_tokens_type_code_collection_types_code_fk" FOREIGN KEY ("type_code") REFERENCES "public"."collection_types"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collection_qr_tokens" ADD CONSTRAINT "collection_qr_tokens_area_id_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collection_qr_tokens" ADD CONSTRAINT "collection_qr_tokens_collector_id_users_id_fk" FOREIGN KEY ("collector_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collection_qr_tokens" ADD CONSTRAINT "collection_qr_tokens_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collection_reveals" ADD CONSTRAINT "collection_reveals_record_id_collection_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."collection_records"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collection_reveals" ADD CONSTRAINT "collection_reveals_viewer_id_users_id_fk" FOREIGN KEY ("viewer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "collection_records_type_idx" ON "collection_records" USING btree ("type_code","status");--> statement-breakpoint
CREATE INDEX "collection_records_area_path_idx" ON "collection_records" USING btree ("area_path");--> statement-breakpoint
CREATE INDEX "collection_records_owner_phone_idx" ON "collection_records" USING btree ("owner_phone");--> statement-breakpoint
CREATE UNIQUE INDEX "collection_qr_tokens_token_uq" ON "collection_qr_tokens" USING btree ("token");--> statement-breakpoint
CREATE INDEX "collection_reveals_record_idx" ON "collection_reveals" USING btree ("record_id");--> statement-breakpoint
CREATE INDEX "collection_owner_codes_phone_idx" ON "collection_owner_codes" USING btree ("phone","created_at");--> statement-breakpoint
INSERT INTO "collection_types" ("code", "name", "fields", "review_required", "position") VALUES
('shop', '沿街商铺', '[{"key": "shopName", "label": "店铺名称", "type": "text", "required": true}, {"key": "business", "label": "经营类别", "type": "select", "required": true, "options": ["餐饮", "零售", "服务", "其他"]}, {"key": "licenseNo", "label": "营业执照号", "type": "text", "required": false}, {"key": "ownerName", "label": "负责人", "type": "text", "required": true}, {"key": "ownerId", "label": "负责人身份证号", "type": "idcard", "required": false, "masked": true}, {"key": "contactPhone", "label": "联系电话", "type": "phone", "required": true, "masked": true}]'::jsonb, true, 1),
('village', '村庄', '[{"key": "households", "label": "户数", "type": "number", "required": false}, {"key": "secretary", "label": "村书记", "type": "text", "required": true}, {"key": "contactPhone", "label": "联系电话", "type": "phone", "required": true, "masked": true}]'::jsonb, false, 2),
('community', '社区', '[{"key": "households", "label": "户数", "type": "number", "required": false}, {"key": "director", "label": "社区主任", "type": "text", "required": true}, {"key": "contactPhone", "label": "联系电话", "type": "phone", "required": true, "masked": true}]'::jsonb, false, 3),
('compound', '物业小区', '[{"key": "propertyCompany", "label": "物业公司", "type": "text", "required": true}, {"key": "buildings", "label": "楼栋数", "type": "number", "required": false}, {"key": "manager", "label": "物业负责人", "type": "text", "required": true}, {"key": "contactPhone", "label": "联系电话", "type": "phone", "required": true, "masked": true}]'::jsonb, true, 4),
('vendor', '流动摊贩', '[{"key": "vendorName", "label": "摊主姓名", "type": "text", "required": true}, {"key": "idNumber", "label": "身份证号", "type": "idcard", "required": true, "masked": true}, {"key": "goods", "label": "经营品类", "type": "text", "required": true}, {"key": "contactPhone", "label": "联系电话", "type": "phone", "required": true, "masked": true}]'::jsonb, true, 5),
('person', '涉事人员', '[{"key": "personName", "label": "姓名", "type": "text", "required": true}, {"key": "idNumber", "label": "身份证号", "type": "idcard", "required": true, "masked": true}, {"key": "matter", "label": "涉及事项", "type": "text", "required": true}, {"key": "contactPhone", "label": "联系电话", "type": "phone", "required": false, "masked": true}]'::jsonb, true, 6),
('volunteer', '志愿者队伍', '[{"key": "teamName", "label": "队伍名称", "type": "text", "required": true}, {"key": "members", "label": "人数", "type": "number", "required": true}, {"key": "leader", "label": "队长", "type": "text", "required": true}, {"key": "contactPhone", "label": "联系电话", "type": "phone", "required": true, "masked": true}]'::jsonb, false, 7);
