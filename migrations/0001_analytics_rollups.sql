CREATE TABLE `asset_model_daily` (
	`model` text NOT NULL,
	`asset_id` integer NOT NULL,
	`day` text NOT NULL,
	`views` integer DEFAULT 0 NOT NULL,
	`submissions` integer DEFAULT 0 NOT NULL,
	`new_leads` integer DEFAULT 0 NOT NULL,
	`referral_leads` integer DEFAULT 0 NOT NULL,
	`leads` real DEFAULT 0 NOT NULL,
	`mqls` real DEFAULT 0 NOT NULL,
	`accepted` real DEFAULT 0 NOT NULL,
	`won` real DEFAULT 0 NOT NULL,
	`revenue_minor` real DEFAULT 0 NOT NULL,
	`mql_hist` text DEFAULT '{}' NOT NULL,
	PRIMARY KEY(`model`, `asset_id`, `day`)
);
--> statement-breakpoint
CREATE TABLE `rollup_cursors` (
	`name` text PRIMARY KEY NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`nonce` text DEFAULT '' NOT NULL,
	`updated_at` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE `attributed_daily` ADD `mql_hist` text DEFAULT '{}' NOT NULL;--> statement-breakpoint
CREATE INDEX `attributed_daily_campaign` ON `attributed_daily` (`model`,`campaign`,`day`);