// The sequence editor's form fields as a browser posts them, for one or more steps.
export interface EditorStep {
  template?: string;
  delay?: string;
  unit?: "days" | "hours" | "minutes";
  anchor?: "enrolment" | "session_start";
  en?: { subject: string; preheader?: string; body: string };
  zh?: { subject: string; preheader?: string; body: string };
}

const EN = {
  subject: "Your copy of {{asset_title}}",
  body: "Hi {{first_name}},\n\n[[Download]]({{download_link}})",
};
const ZH = {
  subject: "您的《{{asset_title}}》",
  body: "{{first_name}}，您好：\n\n[[下载]]({{download_link}})",
};

export function editorFields(
  name: string,
  steps: EditorStep[],
  extra: Record<string, string> = {},
) {
  const f: Record<string, string> = { name, step_count: String(steps.length), ...extra };
  steps.forEach((s, i) => {
    const p = `s${i}_`;
    f[`${p}template`] = s.template ?? "whitepaper-welcome";
    f[`${p}anchor`] = s.anchor ?? "enrolment";
    f[`${p}delay`] = s.delay ?? "0";
    f[`${p}unit`] = s.unit ?? "minutes";
    f[`${p}start`] = "9";
    f[`${p}end`] = "17";
    f[`${p}tz`] = "lead";
    for (const [l, c] of <[string, { subject: string; preheader?: string; body: string }][]>[
      ["en", s.en ?? EN],
      ["zh-CN", s.zh ?? ZH],
    ]) {
      f[`${p}${l}_subject`] = c.subject;
      f[`${p}${l}_preheader`] = c.preheader ?? "";
      f[`${p}${l}_body`] = c.body;
    }
  });
  return f;
}
