// What a new asset's form starts with: every gate field optional except the name, optional marketing consent, UTC.
export const STANDARD_FORM_VALUES: Record<string, string> = {
  kind: "whitepaper",
  timezone: "UTC",
  field_name: "required",
  field_company: "optional",
  field_job_title: "optional",
  field_phone: "hidden",
  field_company_size: "optional",
  consent_mode: "optional",
  consent_version: "v1",
};
