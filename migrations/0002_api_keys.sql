CREATE TABLE "api_key" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"label" text NOT NULL,
	"role" text NOT NULL,
	"secret_hash" text NOT NULL,
	"partner_code" text,
	"policy_nos" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "api_key_secret_hash_unique" UNIQUE("secret_hash"),
	CONSTRAINT "api_key_role_known" CHECK ("api_key"."role" in ('ADMIN', 'OPERATOR', 'PARTNER', 'INSURED', 'ANALYST')),
	CONSTRAINT "api_key_partner_scoped" CHECK (("api_key"."role" = 'PARTNER') = ("api_key"."partner_code" is not null))
);
