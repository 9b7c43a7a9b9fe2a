CREATE TABLE `campaign_monthly` (
	`model` text NOT NULL,
	`month` text NOT NULL,
	`campaign` text NOT NULL,
	`channel` text NOT NULL,
	`asset_id` integer NOT NULL,
	`leads` real DEFAULT 0 NOT NULL,
	PRIMARY KEY(`model`, `month`, `campaign`, `channel`, `asset_id`)
);
