import { describe, it, expect } from "vitest";
import { givenName } from "../../src/domain/given-name";
import { parseMarkdown } from "../../src/domain/email-markdown";
import { copyProblems, fillCopy } from "../../src/domain/email-copy";
import { COPY_VARIABLES, type CopyVariable } from "../../src/domain/vocabulary";

describe("{{first_name}} is the given name, or the whole name where that cannot be told", () => {
  it.each([
    ["Ada Lovelace", "Ada"],
    ["  ada   lovelace ", "ada"],
    ["Lovelace, Ada", "Ada"],
    ["Dr. Ada Lovelace", "Ada"],
    ["Ada", "Ada"],
    ["王小明", "王小明"],
    ["王 小明", "王 小明"],
    ["山田 太郎", "山田 太郎"],
    ["김민준", "김민준"],
    ["", ""],
    [null, ""],
  ])("%o → %o", (name, expected) => {
    expect(givenName(name)).toBe(expected);
  });
});

describe("the Markdown of email copy", () => {
  it("reads paragraphs, headings, lists, bold, italic, links and a button", () => {
    const { value, problems } = parseMarkdown(
      "# Hello\n\nA **bold** and *italic* [link](https://example.com/a_b).\nSecond line\n\n- one\n- two\n\n1. first\n\n[[Get it]]({{download_link}})",
    );
    expect(problems).toEqual([]);
    expect(value).toEqual([
      { h: 1, content: [{ text: "Hello" }] },
      {
        p: [
          { text: "A " },
          { strong: [{ text: "bold" }] },
          { text: " and " },
          { em: [{ text: "italic" }] },
          { text: " " },
          { link: { label: [{ text: "link" }], href: { url: "https://example.com/a_b" } } },
          { text: "." },
          { br: true },
          { text: "Second line" },
        ],
      },
      { ul: [[{ text: "one" }], [{ text: "two" }]] },
      { ol: [[{ text: "first" }]] },
      { button: { label: [{ text: "Get it" }], href: { var: "download_link" } } },
    ]);
  });

  it.each([
    ["[x](javascript:alert(1))", "https://"],
    ["[x]({{name}})", "not a link"],
    ["[[Go]](data:text/html,hi)", "https://"],
  ])("refuses a link that is not a web address or a link variable: %s", (md, words) => {
    expect(parseMarkdown(md).problems.join(" ")).toContain(words);
  });

  it("keeps snake_case and escaped stars as text", () => {
    expect(parseMarkdown("my_file_name and \\*not italic\\*").value).toEqual([
      { p: [{ text: "my_file_name and *not italic*" }] },
    ]);
  });
});

const all = new Set<CopyVariable>(COPY_VARIABLES);
const whitepaper = new Set<CopyVariable>(
  COPY_VARIABLES.filter((v) => v !== "session_time" && v !== "join_link"),
);

describe("checking copy at authoring", () => {
  it("names the field that uses an unknown variable or one the asset cannot supply", () => {
    expect(
      copyProblems(
        { subject: "Hi {{frist_name}}", preheader: "", body: "Starts {{session_time}}" },
        whitepaper,
        "whitepaper",
      ),
    ).toEqual({
      subject: [expect.stringContaining("{{frist_name}} is not a variable")],
      body: ["{{session_time}} cannot be supplied by a whitepaper"],
    });
    expect(
      copyProblems({ subject: "x", preheader: "", body: "{{session_time}}" }, all, "course"),
    ).toEqual({});
  });

  it("requires a subject and a body", () => {
    expect(
      Object.keys(copyProblems({ subject: " ", preheader: "", body: "" }, all, "file")),
    ).toEqual(["subject", "body"]);
  });
});

describe("filling copy at send time", () => {
  it("a greeting reads well without a name, in both locales", () => {
    const en = fillCopy(
      { subject: "For {{first_name}}", preheader: "", body: "Hi {{first_name}},\n\nThanks." },
      {},
    );
    expect(en.subject).toBe("For");
    expect(en.blocks[0]).toEqual({ p: [{ t: "Hi," }] });
    const zh = fillCopy(
      { subject: "s", preheader: "", body: "{{first_name}}，您好：" },
      { first_name: null },
    );
    expect(zh.blocks[0]).toEqual({ p: [{ t: "您好：" }] });
    const named = fillCopy(
      { subject: "s", preheader: "", body: "Hi {{first_name}}," },
      { first_name: "Ada" },
    );
    expect(named.blocks[0]).toEqual({ p: [{ t: "Hi Ada," }] });
  });

  it("a lead's value is text, never Markdown: stars and brackets in a name stay as typed", () => {
    const filled = fillCopy(
      { subject: "s", preheader: "", body: "Hi **{{name}}**" },
      { name: "*x* [y](https://evil.example)" },
    );
    expect(filled.blocks[0]).toEqual({
      p: [{ t: "Hi " }, { t: "*x* [y](https://evil.example)", b: true }],
    });
  });

  it("a button or link whose link variable is empty keeps its words and loses its link", () => {
    const filled = fillCopy(
      {
        subject: "s",
        preheader: "",
        body: "[[Join]]({{join_link}})\n\nSee [the room]({{join_link}})",
      },
      { join_link: "" },
    );
    expect(filled.blocks).toEqual([{ p: [{ t: "See the room" }] }]);
  });
});
