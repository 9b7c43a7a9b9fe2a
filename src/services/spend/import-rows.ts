// Spend CSV import, the pure part, lives in src/domain/ad-exports; the names the routes use come from here.
export {
  IMPORT_FIELDS,
  type ColumnMapping,
  type ImportField,
  type RowError,
} from "../../domain/ad-exports";
