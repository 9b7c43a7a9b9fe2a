// Reading ad-platform exports as downloaded: decode the bytes, detect the platform, read the rows.
export { IMPORT_FIELDS, type ColumnMapping, type ImportField } from "./columns";
export { type ExportEncoding, decodeExport } from "./decode";
export { AD_PLATFORMS, type AdPlatform } from "./format";
export { type AdExport, readAdExport, type SkipKind, type Skipped } from "./read";
export type { AdExportRow, RowError } from "./row";
