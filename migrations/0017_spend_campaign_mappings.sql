CREATE TABLE `spend_campaign_mappings` (
	`platform` text DEFAULT '' NOT NULL,
	`account` text DEFAULT '' NOT NULL,
	`campaign_key` text NOT NULL,
	`utm_campaign` text,
	`asset_id` integer,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`platform`, `account`, `campaign_key`)
);
--> statement-breakpoint
-- Hand-written: imported rows from before are keyed as src/domain/spend-days.ts keys a day now (platform, account,
-- campaign, day; a generic file has no platform or account), so importing the same file again replaces them
-- instead of adding to them. Two old rows of one campaign-day (the same file with two ties) keep their old key.
UPDATE OR IGNORE `spend` SET
  `import_key` = 'imp:' || json_array('', '', lower(trim(coalesce(`utm_campaign`, ''))), `day_from`),
  `platform_campaign` = `utm_campaign`
WHERE `import_key` LIKE 'csv:%' AND `day_from` = `day_to`;
