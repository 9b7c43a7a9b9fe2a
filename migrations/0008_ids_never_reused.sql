PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_sends` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`enrolment_id` integer NOT NULL,
	`step_id` integer NOT NULL,
	`lead_id` integer NOT NULL,
	`asset_id` integer NOT NULL,
	`status` text DEFAULT 'queued' NOT NULL,
	`resend_id` text,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_error` text,
	`batch_key` text,
	`requeues` integer DEFAULT 0 NOT NULL,
	`opened_at` integer,
	`clicked_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
INSERT INTO `__new_sends`("id", "enrolment_id", "step_id", "lead_id", "asset_id", "status", "resend_id", "attempts", "last_error", "batch_key", "requeues", "opened_at", "clicked_at", "created_at", "updated_at") SELECT "id", "enrolment_id", "step_id", "lead_id", "asset_id", "status", "resend_id", "attempts", "last_error", "batch_key", "requeues", "opened_at", "clicked_at", "created_at", "updated_at" FROM `sends`;--> statement-breakpoint
DROP TABLE `sends`;--> statement-breakpoint
ALTER TABLE `__new_sends` RENAME TO `sends`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `sends_clicked` ON `sends` (`enrolment_id`) WHERE "sends"."clicked_at" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `sends_resend_id` ON `sends` (`resend_id`) WHERE "sends"."resend_id" IS NOT NULL;--> statement-breakpoint
CREATE TABLE `__new_score_rules` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
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
INSERT INTO `__new_score_rules`("id", "kind", "field", "match", "points", "cap", "half_life_days", "label", "active", "created_at") SELECT "id", "kind", "field", "match", "points", "cap", "half_life_days", "label", "active", "created_at" FROM `score_rules`;--> statement-breakpoint
DROP TABLE `score_rules`;--> statement-breakpoint
ALTER TABLE `__new_score_rules` RENAME TO `score_rules`;--> statement-breakpoint
CREATE TABLE `__new_webhook_endpoints` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`url` text NOT NULL,
	`secret` text NOT NULL,
	`event_types` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`disabled_reason` text,
	`disabled_at` integer,
	`consecutive_failures` integer DEFAULT 0 NOT NULL,
	`failing_since` integer,
	`failed_deliveries` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
INSERT INTO `__new_webhook_endpoints`("id", "url", "secret", "event_types", "active", "disabled_reason", "disabled_at", "consecutive_failures", "failing_since", "failed_deliveries", "created_at", "updated_at") SELECT "id", "url", "secret", "event_types", "active", "disabled_reason", "disabled_at", "consecutive_failures", NULL, 0, "created_at", "updated_at" FROM `webhook_endpoints`;--> statement-breakpoint
DROP TABLE `webhook_endpoints`;--> statement-breakpoint
ALTER TABLE `__new_webhook_endpoints` RENAME TO `webhook_endpoints`;--> statement-breakpoint
CREATE TABLE `__new_spend` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
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
INSERT INTO `__new_spend`("id", "asset_id", "channel", "utm_source", "utm_medium", "utm_campaign", "day_from", "day_to", "amount_minor", "currency", "reporting_minor", "impressions", "clicks", "import_key", "created_at") SELECT "id", "asset_id", "channel", "utm_source", "utm_medium", "utm_campaign", "day_from", "day_to", "amount_minor", "currency", "reporting_minor", "impressions", "clicks", "import_key", "created_at" FROM `spend`;--> statement-breakpoint
DROP TABLE `spend`;--> statement-breakpoint
ALTER TABLE `__new_spend` RENAME TO `spend`;--> statement-breakpoint
CREATE UNIQUE INDEX `spend_import_key_unique` ON `spend` (`import_key`);--> statement-breakpoint
CREATE INDEX `spend_days` ON `spend` (`day_from`,`day_to`);