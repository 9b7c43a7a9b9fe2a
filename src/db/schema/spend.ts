// Marketing spend per period, tied to an asset and/or channel/campaign; idempotent on import_key.
import { sqliteTable, text, integer, index } from "drizzle-orm/sqlite-core";
import { idNeverReused, createdAt } from "./columns";

export const spend = sqliteTable(
  "spend",
  {
    id: idNeverReused(),
    assetId: integer("asset_id"),
    channel: text("channel"),
    utmSource: text("utm_source"),
    utmMedium: text("utm_medium"),
    utmCampaign: text("utm_campaign"),
    dayFrom: text("day_from").notNull(),
    dayTo: text("day_to").notNull(),
    amountMinor: integer("amount_minor").notNull(),
    currency: text("currency").notNull(),
    /**
     * Amount in the reporting currency, minor units: set when the currency is the reporting one or the row
     * came with its own rate; null when reports convert it day by day from exchange_rates.
     */
    reportingMinor: integer("reporting_minor"),
    impressions: integer("impressions"),
    clicks: integer("clicks"),
    /** Where an imported row came from: the ad platform, its account and the campaign as the platform names it. */
    platform: text("platform"),
    account: text("account"),
    platformCampaign: text("platform_campaign"),
    importKey: text("import_key").unique(),
    createdAt: createdAt(),
  },
  (t) => [index("spend_days").on(t.dayFrom, t.dayTo)],
);
