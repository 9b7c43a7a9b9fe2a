// Workspace settings in the API: the patch (each setting's own rule, settings-input.ts) and the settings answered.
import { z } from "@hono/zod-openapi";
import { LOCALES } from "../../../db/schema";
import { settingsPatch } from "../../../services/settings/settings-input";
import { logoPath, type Settings } from "../../../services/settings/settings";

export const settingsPatchBody = settingsPatch.openapi("SettingsPatch", {
  description: "Only the settings given change; null (or an empty list) unsets one",
});

export const settingsSchema = z
  .object({
    brand_name: z.string().nullable(),
    brand_color: z.string().nullable().openapi({ example: "#2f5bea" }),
    logo_url: z.string().nullable().openapi({ description: "Set with PUT /api/v1/settings/logo" }),
    privacy_url: z.string().nullable().openapi({
      description: "The privacy policy of every page whose language has no link of its own",
    }),
    privacy_policy_url_en: z.string().nullable(),
    privacy_policy_url_zh: z.string().nullable(),
    postal_address: z.string().nullable().openapi({ description: "In every email's footer" }),
    default_locale: z.enum(LOCALES).nullable(),
    time_zone: z.string().nullable(),
    embed_origins: z.array(z.string()),
    mql_threshold: z
      .number()
      .int()
      .nullable()
      .openapi({ description: "Null: the deployment's MQL_THRESHOLD" }),
    effective_mql_threshold: z.number().int(),
  })
  .openapi("Settings");

export function settingsOut(s: Settings, origin: string, envThreshold: number) {
  const logo = logoPath(s);
  return settingsSchema.parse({
    brand_name: s.brand_name,
    brand_color: s.brand_color,
    logo_url: logo ? `${origin}${logo}` : null,
    privacy_url: s.privacy_url,
    privacy_policy_url_en: s.privacy_policy_url_en,
    privacy_policy_url_zh: s.privacy_policy_url_zh,
    postal_address: s.postal_address,
    default_locale: s.default_locale,
    time_zone: s.time_zone,
    embed_origins: s.embed_origins,
    mql_threshold: s.mql_threshold,
    effective_mql_threshold: s.mql_threshold ?? envThreshold,
  });
}
