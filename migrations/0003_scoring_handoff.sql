ALTER TABLE `leads` ADD `scored_at` integer;--> statement-breakpoint
ALTER TABLE `leads` ADD `score_version` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `leads_list` ON `leads` (`updated_at`) WHERE scored_at IS NOT NULL;--> statement-breakpoint
CREATE INDEX `leads_stage_score` ON `leads` (`stage`,`score`,`updated_at`) WHERE scored_at IS NOT NULL;--> statement-breakpoint
ALTER TABLE `score_ledger` ADD `kind` text DEFAULT 'award' NOT NULL;--> statement-breakpoint
ALTER TABLE `webhook_deliveries` ADD `lead_id` integer;--> statement-breakpoint
ALTER TABLE `webhook_deliveries` ADD `next_attempt_at` integer;--> statement-breakpoint
CREATE INDEX `webhook_deliveries_lead` ON `webhook_deliveries` (`lead_id`);--> statement-breakpoint
CREATE INDEX `webhook_deliveries_due` ON `webhook_deliveries` (`next_attempt_at`) WHERE status = 'pending';--> statement-breakpoint
ALTER TABLE `webhook_endpoints` ADD `disabled_at` integer;