CREATE TABLE `exchange_rates` (
	`currency` text NOT NULL,
	`day` text NOT NULL,
	`rate` text NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`currency`, `day`)
);
--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
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
	`reporting_minor` integer,
	`impressions` integer,
	`clicks` integer,
	`platform` text,
	`account` text,
	`platform_campaign` text,
	`import_key` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
INSERT INTO `__new_spend`("id", "asset_id", "channel", "utm_source", "utm_medium", "utm_campaign", "day_from", "day_to", "amount_minor", "currency", "reporting_minor", "impressions", "clicks", "platform", "account", "platform_campaign", "import_key", "created_at") SELECT "id", "asset_id", "channel", "utm_source", "utm_medium", "utm_campaign", "day_from", "day_to", "amount_minor", "currency", "reporting_minor", "impressions", "clicks", NULL, NULL, NULL, "import_key", "created_at" FROM `spend`;--> statement-breakpoint
-- Hand-written: the rebuilt table keeps the old one's AUTOINCREMENT sequence, so a deleted spend id is never
-- handed out again (0008; a rebuild would otherwise restart it at the highest id still present).
DELETE FROM sqlite_sequence WHERE name = '__new_spend';--> statement-breakpoint
INSERT INTO sqlite_sequence (name, seq) SELECT '__new_spend', seq FROM sqlite_sequence WHERE name = 'spend';--> statement-breakpoint
DROP TABLE `spend`;--> statement-breakpoint
ALTER TABLE `__new_spend` RENAME TO `spend`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `spend_import_key_unique` ON `spend` (`import_key`);--> statement-breakpoint
CREATE INDEX `spend_days` ON `spend` (`day_from`,`day_to`);