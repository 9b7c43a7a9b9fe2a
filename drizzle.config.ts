import { defineConfig } from "drizzle-kit";

// drizzle-kit writes flat migrations/NNNN_name.sql that wrangler and the tests both apply.
export default defineConfig({
  dialect: "sqlite",
  schema: "./src/db/schema/index.ts",
  out: "./migrations",
});
