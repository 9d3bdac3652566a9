CREATE TABLE "hospital_registry" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"aliases" text[] DEFAULT '{}' NOT NULL,
	"search_keys" text[] NOT NULL,
	"grade_level" integer,
	"grade_tier" text,
	"ownership" text NOT NULL,
	"division" text NOT NULL,
	"city" text,
	"city_code" text,
	"source_line" integer,
	CONSTRAINT "hospital_registry_grade_level_check" CHECK ("grade_level" BETWEEN 1 AND 3),
	CONSTRAINT "hospital_registry_grade_tier_check" CHECK ("grade_tier" IN ('甲', '乙', '丙')),
	CONSTRAINT "hospital_registry_ownership_check" CHECK ("ownership" IN ('PUBLIC', 'PRIVATE')),
	CONSTRAINT "hospital_registry_division_check" CHECK ("division" IN ('GENERAL', 'SPECIAL_NEEDS', 'INTERNATIONAL'))
);
--> statement-breakpoint
CREATE INDEX "hospital_registry_search_keys_idx" ON "hospital_registry" USING gin ("search_keys");
