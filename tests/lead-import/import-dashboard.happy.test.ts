// The import page: upload, see the guessed columns and a dry run, change a column, import without uploading again.
import { beforeAll, describe, expect, it } from "vitest";
import { env } from "cloudflare:workers";
import { login, type Session } from "../admin/support/browser-like";
import { memberSignedIn } from "../admin/support/people";
import { fakeResend } from "../nurture/support/resend-fake";

const gbk = () =>
  Uint8Array.from(atob(env.LEAD_IMPORT_FIXTURES["expo-gbk.csv"]!), (c) => c.charCodeAt(0));
const hidden = (html: string, name: string) =>
  new RegExp(`<textarea name="${name}" hidden="">([\\s\\S]*?)</textarea>`).exec(html)?.[1];
const htmlText = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");

let admin: Session;
beforeAll(async () => {
  admin = await login();
});

describe("importing a list from the dashboard", () => {
  it("a dry run shows the columns guessed from Chinese headers and writes nothing; the import then uses the carried text", async () => {
    const leads = () => env.DB.prepare("SELECT count(*) AS n FROM leads").first<{ n: number }>();
    const before = (await leads())!.n;
    const res = await admin.post(
      "/admin/leads/import",
      { source: "上海展会", action: "preview" },
      { files: { file: new File([gbk()], "expo.csv", { type: "text/csv" }) } },
    );
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Dry run: nothing was written");
    expect(html).toMatch(/data-count="new"[\s\S]*?>2</);
    expect(html).toContain("Same address as line 2");
    expect(html).toContain('name="head_0" value="邮箱"');
    expect((await leads())!.n).toBe(before);

    const text = htmlText(hidden(html, "csv_text")!);
    expect(text).toContain("王芳");
    // The marketer ignores the phone column (head_4 is 手机) and imports.
    const fields: Record<string, string> = { source: "上海展会", action: "import", csv_text: text };
    ["邮箱", "姓名", "公司", "职位", "手机", "公司规模", "国家", "备注"].forEach((h, i) => {
      fields[`head_${i}`] = h;
      fields[`map_${i}`] = [
        "email",
        "name",
        "company",
        "job_title",
        "ignore",
        "company_size",
        "country",
        "ignore",
      ][i]!;
    });
    const done = await admin.post("/admin/leads/import", fields);
    expect(done.status).toBe(200);
    expect(await done.text()).toContain("Imported.");
    const row = await env.DB.prepare(
      "SELECT name, phone, company_size FROM leads WHERE email = 'li.lei@zhanhui.example'",
    ).first();
    expect(row).toEqual({ name: "李雷", phone: null, company_size: "51-200" });
  });

  it("a sales teammate cannot open the import page", async () => {
    const resend = fakeResend();
    try {
      const sales = await memberSignedIn(resend, admin, "sales");
      expect((await sales.get("/admin/leads/import")).status).toBe(403);
      const leadsPage = await (await sales.get("/admin/leads")).text();
      expect(leadsPage).not.toContain("/admin/leads/import");
    } finally {
      resend.restore();
    }
  });
});
