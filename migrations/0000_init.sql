CREATE TABLE `assets` (
	`id` integer PRIMARY KEY NOT NULL,
	`slug` text NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`summary` text DEFAULT '' NOT NULL,
	`outline` text DEFAULT '[]' NOT NULL,
	`locale` text DEFAULT 'en' NOT NULL,
	`timezone` text DEFAULT 'UTC' NOT NULL,
	`form` text NOT NULL,
	`file_key` text,
	`file_name` text,
	`file_type` text,
	`room_url` text,
	`status` text DEFAULT 'draft' NOT NULL,
	`sequence_id` integer,
	`double_opt_in` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `assets_slug_unique` ON `assets` (`slug`);--> statement-breakpoint
CREATE TABLE `course_sessions` (
	`id` integer PRIMARY KEY NOT NULL,
	`asset_id` integer NOT NULL,
	`starts_at` integer NOT NULL,
	`duration_minutes` integer DEFAULT 60 NOT NULL,
	`timezone` text NOT NULL,
	`join_url` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `course_sessions_asset_starts` ON `course_sessions` (`asset_id`,`starts_at`);--> statement-breakpoint
CREATE TABLE `leads` (
	`id` integer PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`name` text,
	`company` text,
	`job_title` text,
	`phone` text,
	`company_size` text,
	`country` text,
	`locale` text DEFAULT 'en' NOT NULL,
	`referral_code` text NOT NULL,
	`referred_by_lead_id` integer,
	`consent_at` integer,
	`consent_ip` text,
	`consent_version` text,
	`touch_count` integer DEFAULT 0 NOT NULL,
	`fit_score` integer DEFAULT 0 NOT NULL,
	`behaviour_score` integer DEFAULT 0 NOT NULL,
	`score` integer DEFAULT 0 NOT NULL,
	`stage` text DEFAULT 'lead' NOT NULL,
	`stage_changed_at` integer,
	`mql_at` integer,
	`erased_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `leads_email_unique` ON `leads` (`email`);--> statement-breakpoint
CREATE UNIQUE INDEX `leads_referral_code_unique` ON `leads` (`referral_code`);--> statement-breakpoint
CREATE TABLE `touches` (
	`id` integer PRIMARY KEY NOT NULL,
	`lead_id` integer NOT NULL,
	`asset_id` integer NOT NULL,
	`at` integer NOT NULL,
	`utm_source` text,
	`utm_medium` text,
	`utm_campaign` text,
	`utm_term` text,
	`utm_content` text,
	`referrer_host` text,
	`ref_code` text,
	`referrer_lead_id` integer,
	`country` text,
	`landing_url` text,
	`channel` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `touches_lead` ON `touches` (`lead_id`);--> statement-breakpoint
CREATE TABLE `events` (
	`id` integer PRIMARY KEY NOT NULL,
	`lead_id` integer,
	`asset_id` integer,
	`type` text NOT NULL,
	`at` integer NOT NULL,
	`data` text
);
--> statement-breakpoint
CREATE INDEX `events_lead_at` ON `events` (`lead_id`,`at`);--> statement-breakpoint
CREATE TABLE `asset_daily` (
	`asset_id` integer NOT NULL,
	`day` text NOT NULL,
	`channel` text NOT NULL,
	`campaign` text DEFAULT '' NOT NULL,
	`views` integer DEFAULT 0 NOT NULL,
	`submissions` integer DEFAULT 0 NOT NULL,
	`new_leads` integer DEFAULT 0 NOT NULL,
	`referral_leads` integer DEFAULT 0 NOT NULL,
	`downloads` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`asset_id`, `day`, `channel`, `campaign`)
);
--> statement-breakpoint
CREATE TABLE `sequence_steps` (
	`id` integer PRIMARY KEY NOT NULL,
	`sequence_id` integer NOT NULL,
	`position` integer NOT NULL,
	`template` text NOT NULL,
	`anchor` text DEFAULT 'enrolment' NOT NULL,
	`delay_minutes` integer DEFAULT 0 NOT NULL,
	`conditions` text DEFAULT '{}' NOT NULL,
	`send_window` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sequence_steps_position` ON `sequence_steps` (`sequence_id`,`position`);--> statement-breakpoint
CREATE TABLE `sequences` (
	`id` integer PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `enrolments` (
	`id` integer PRIMARY KEY NOT NULL,
	`lead_id` integer NOT NULL,
	`sequence_id` integer NOT NULL,
	`asset_id` integer NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`next_position` integer DEFAULT 1 NOT NULL,
	`next_due_at` integer,
	`stopped_reason` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `enrolments_lead_sequence` ON `enrolments` (`lead_id`,`sequence_id`);--> statement-breakpoint
CREATE INDEX `enrolments_due` ON `enrolments` (`next_due_at`) WHERE "enrolments"."status" = 'active' AND "enrolments"."next_due_at" IS NOT NULL;--> statement-breakpoint
CREATE TABLE `sends` (
	`id` integer PRIMARY KEY NOT NULL,
	`enrolment_id` integer NOT NULL,
	`step_id` integer NOT NULL,
	`lead_id` integer NOT NULL,
	`asset_id` integer NOT NULL,
	`status` text DEFAULT 'queued' NOT NULL,
	`resend_id` text,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_error` text,
	`opened_at` integer,
	`clicked_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sends_enrolment_step` ON `sends` (`enrolment_id`,`step_id`);--> statement-breakpoint
CREATE INDEX `sends_resend_id` ON `sends` (`resend_id`);--> statement-breakpoint
CREATE TABLE `suppressions` (
	`email_hash` text PRIMARY KEY NOT NULL,
	`reason` text NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `hook_receipts` (
	`message_id` text PRIMARY KEY NOT NULL,
	`source` text NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `score_rules` (
	`id` integer PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`field` text NOT NULL,
	`match` text NOT NULL,
	`points` integer NOT NULL,
	`cap` integer,
	`half_life_days` real,
	`label` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `score_ledger` (
	`id` integer PRIMARY KEY NOT NULL,
	`lead_id` integer NOT NULL,
	`rule_id` integer,
	`points` integer NOT NULL,
	`reason` text NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `score_ledger_lead` ON `score_ledger` (`lead_id`,`at`);--> statement-breakpoint
CREATE TABLE `stage_history` (
	`id` integer PRIMARY KEY NOT NULL,
	`lead_id` integer NOT NULL,
	`from_stage` text,
	`to_stage` text NOT NULL,
	`reason` text,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `stage_history_lead` ON `stage_history` (`lead_id`,`at`);--> statement-breakpoint
CREATE TABLE `outcomes` (
	`id` integer PRIMARY KEY NOT NULL,
	`lead_id` integer NOT NULL,
	`stage` text NOT NULL,
	`amount_minor` integer,
	`currency` text,
	`reason` text,
	`external_id` text,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outcomes_external_id_unique` ON `outcomes` (`external_id`);--> statement-breakpoint
CREATE INDEX `outcomes_lead` ON `outcomes` (`lead_id`);--> statement-breakpoint
CREATE TABLE `webhook_attempts` (
	`id` integer PRIMARY KEY NOT NULL,
	`delivery_id` integer NOT NULL,
	`at` integer NOT NULL,
	`status_code` integer,
	`duration_ms` integer NOT NULL,
	`response_excerpt` text,
	`error` text
);
--> statement-breakpoint
CREATE INDEX `webhook_attempts_delivery` ON `webhook_attempts` (`delivery_id`);--> statement-breakpoint
CREATE TABLE `webhook_deliveries` (
	`id` integer PRIMARY KEY NOT NULL,
	`message_id` text NOT NULL,
	`endpoint_id` integer NOT NULL,
	`event_type` text NOT NULL,
	`payload` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_status_code` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `webhook_deliveries_endpoint` ON `webhook_deliveries` (`endpoint_id`,`id`);--> statement-breakpoint
CREATE TABLE `webhook_endpoints` (
	`id` integer PRIMARY KEY NOT NULL,
	`url` text NOT NULL,
	`secret` text NOT NULL,
	`event_types` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`disabled_reason` text,
	`consecutive_failures` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `api_tokens` (
	`id` integer PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`prefix` text NOT NULL,
	`hash` text NOT NULL,
	`scopes` text NOT NULL,
	`last_used_at` integer,
	`revoked_at` integer,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_tokens_hash_unique` ON `api_tokens` (`hash`);--> statement-breakpoint
CREATE TABLE `spend` (
	`id` integer PRIMARY KEY NOT NULL,
	`asset_id` integer,
	`channel` text,
	`utm_source` text,
	`utm_medium` text,
	`utm_campaign` text,
	`day_from` text NOT NULL,
	`day_to` text NOT NULL,
	`amount_minor` integer NOT NULL,
	`currency` text NOT NULL,
	`reporting_minor` integer NOT NULL,
	`impressions` integer,
	`clicks` integer,
	`import_key` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `spend_import_key_unique` ON `spend` (`import_key`);--> statement-breakpoint
CREATE INDEX `spend_days` ON `spend` (`day_from`,`day_to`);--> statement-breakpoint
CREATE TABLE `attributed_daily` (
	`model` text NOT NULL,
	`asset_id` integer NOT NULL,
	`day` text NOT NULL,
	`channel` text NOT NULL,
	`campaign` text DEFAULT '' NOT NULL,
	`leads` real DEFAULT 0 NOT NULL,
	`mqls` real DEFAULT 0 NOT NULL,
	`accepted` real DEFAULT 0 NOT NULL,
	`won` real DEFAULT 0 NOT NULL,
	`revenue_minor` real DEFAULT 0 NOT NULL,
	PRIMARY KEY(`model`, `asset_id`, `day`, `channel`, `campaign`)
);
--> statement-breakpoint
CREATE TABLE `admin_sessions` (
	`id_hash` text PRIMARY KEY NOT NULL,
	`token_id` integer,
	`scopes` text NOT NULL,
	`csrf` text NOT NULL,
	`locale` text DEFAULT 'en' NOT NULL,
	`expires_at` integer NOT NULL,
	`created_at` integer NOT NULL
);
