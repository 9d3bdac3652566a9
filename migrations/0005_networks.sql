CREATE TABLE "hospital" (
	"id" text PRIMARY KEY NOT NULL,
	"service_code" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_ja" text,
	"country" text NOT NULL,
	"city" text NOT NULL,
	"city_code" text,
	"prefecture" text,
	"aliases" text[] DEFAULT '{}' NOT NULL,
	"source" text NOT NULL,
	"position" integer NOT NULL,
	"corrections" jsonb DEFAULT '[]'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "network_region" (
	"id" serial PRIMARY KEY NOT NULL,
	"service_code" text NOT NULL,
	"region_code" text NOT NULL,
	"source" text NOT NULL,
	"source_line" integer,
	"source_province" text,
	"duplicate_of" text,
	"corrections" jsonb DEFAULT '[]'::jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "hospital" ADD CONSTRAINT "hospital_service_code_service_code_fk" FOREIGN KEY ("service_code") REFERENCES "public"."service"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_region" ADD CONSTRAINT "network_region_service_code_service_code_fk" FOREIGN KEY ("service_code") REFERENCES "public"."service"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "hospital_service_idx" ON "hospital" USING btree ("service_code","position");--> statement-breakpoint
CREATE INDEX "network_region_lookup_idx" ON "network_region" USING btree ("service_code","region_code");