PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_campaign_monthly` (
	`model` text NOT NULL,
	`month` text NOT NULL,
	`campaign` text NOT NULL,
	`source` text DEFAULT '' NOT NULL,
	`medium` text DEFAULT '' NOT NULL,
	`channel` text NOT NULL,
	`asset_id` integer NOT NULL,
	`leads` real DEFAULT 0 NOT NULL,
	PRIMARY KEY(`model`, `month`, `campaign`, `source`, `medium`, `channel`, `asset_id`)
);
--> statement-breakpoint
-- Rebuilt from the touches the touch-credit sweep has credited so far (ids up to its cursor), keyed as
-- src/store/rollups/credit.ts keys it now: the old rows had no source/medium and an unfolded campaign.
INSERT INTO `__new_campaign_monthly` ("model", "month", "campaign", "source", "medium", "channel", "asset_id", "leads")
SELECT 'first_touch', substr(strftime('%Y-%m-%d', l.created_at / 1000, 'unixepoch'), 1, 7) AS month, lower(trim(coalesce(t.utm_campaign, ''))) AS campaign, lower(trim(coalesce(t.utm_source, ''))) AS source, lower(trim(coalesce(t.utm_medium, ''))) AS medium, t.channel, t.asset_id, sum(CASE WHEN t.id = (SELECT min(id) FROM touches WHERE lead_id = t.lead_id) THEN 1.0 ELSE 0 END) AS leads
FROM touches t JOIN leads l ON l.id = t.lead_id WHERE t.id <= (SELECT coalesce(max(position), 0) FROM rollup_cursors WHERE name = 'touch_credit')
GROUP BY month, campaign, source, medium, t.channel, t.asset_id HAVING abs(sum(CASE WHEN t.id = (SELECT min(id) FROM touches WHERE lead_id = t.lead_id) THEN 1.0 ELSE 0 END)) > 1e-12;--> statement-breakpoint
INSERT INTO `__new_campaign_monthly` ("model", "month", "campaign", "source", "medium", "channel", "asset_id", "leads")
SELECT 'last_touch', substr(strftime('%Y-%m-%d', l.created_at / 1000, 'unixepoch'), 1, 7) AS month, lower(trim(coalesce(t.utm_campaign, ''))) AS campaign, lower(trim(coalesce(t.utm_source, ''))) AS source, lower(trim(coalesce(t.utm_medium, ''))) AS medium, t.channel, t.asset_id, sum(CASE WHEN t.id = (SELECT max(id) FROM touches WHERE lead_id = t.lead_id AND id <= (SELECT coalesce(max(position), 0) FROM rollup_cursors WHERE name = 'touch_credit')) THEN 1.0 ELSE 0 END) AS leads
FROM touches t JOIN leads l ON l.id = t.lead_id WHERE t.id <= (SELECT coalesce(max(position), 0) FROM rollup_cursors WHERE name = 'touch_credit')
GROUP BY month, campaign, source, medium, t.channel, t.asset_id HAVING abs(sum(CASE WHEN t.id = (SELECT max(id) FROM touches WHERE lead_id = t.lead_id AND id <= (SELECT coalesce(max(position), 0) FROM rollup_cursors WHERE name = 'touch_credit')) THEN 1.0 ELSE 0 END)) > 1e-12;--> statement-breakpoint
INSERT INTO `__new_campaign_monthly` ("model", "month", "campaign", "source", "medium", "channel", "asset_id", "leads")
SELECT 'linear', substr(strftime('%Y-%m-%d', l.created_at / 1000, 'unixepoch'), 1, 7) AS month, lower(trim(coalesce(t.utm_campaign, ''))) AS campaign, lower(trim(coalesce(t.utm_source, ''))) AS source, lower(trim(coalesce(t.utm_medium, ''))) AS medium, t.channel, t.asset_id, sum(1.0 / (SELECT count(*) FROM touches WHERE lead_id = t.lead_id AND id <= (SELECT coalesce(max(position), 0) FROM rollup_cursors WHERE name = 'touch_credit'))) AS leads
FROM touches t JOIN leads l ON l.id = t.lead_id WHERE t.id <= (SELECT coalesce(max(position), 0) FROM rollup_cursors WHERE name = 'touch_credit')
GROUP BY month, campaign, source, medium, t.channel, t.asset_id HAVING abs(sum(1.0 / (SELECT count(*) FROM touches WHERE lead_id = t.lead_id AND id <= (SELECT coalesce(max(position), 0) FROM rollup_cursors WHERE name = 'touch_credit')))) > 1e-12;--> statement-breakpoint
DROP TABLE `campaign_monthly`;--> statement-breakpoint
ALTER TABLE `__new_campaign_monthly` RENAME TO `campaign_monthly`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
-- UTM hygiene for touches captured before it: source and medium case-folded and trimmed like new captures
-- (src/domain/utm.ts). Campaigns keep their text: the attributed rollups are keyed by it.
UPDATE `touches` SET `utm_source` = lower(trim(`utm_source`)) WHERE `utm_source` IS NOT NULL AND `utm_source` <> lower(trim(`utm_source`));--> statement-breakpoint
UPDATE `touches` SET `utm_medium` = lower(trim(`utm_medium`)) WHERE `utm_medium` IS NOT NULL AND `utm_medium` <> lower(trim(`utm_medium`));--> statement-breakpoint
-- Spend tied to UTMs now meets the leads with those UTMs; the channel that used to be derived from them
-- (utm_source alone gave `referral`) stops being a tie. A channel chosen beside UTMs was rare and is
-- implied by the UTMs it came with.
UPDATE `spend` SET `channel` = NULL WHERE `utm_source` IS NOT NULL OR `utm_medium` IS NOT NULL;--> statement-breakpoint
UPDATE `spend` SET `utm_source` = lower(trim(`utm_source`)) WHERE `utm_source` IS NOT NULL;--> statement-breakpoint
UPDATE `spend` SET `utm_medium` = lower(trim(`utm_medium`)) WHERE `utm_medium` IS NOT NULL;
