import { describe, it, expect } from "vitest";
import { fitMatches, eventMatches, type Profile } from "../../src/services/scoring/rules";

const profile = (over: Partial<Profile> = {}): Profile => ({
  email: "ann@acme.com",
  jobTitle: null,
  companySize: null,
  country: null,
  phone: null,
  ...over,
});

describe("fit rules read the profile", () => {
  it.each([
    [
      "a senior title keyword",
      { field: "job_title_keyword", match: ["director"] },
      { jobTitle: "Director of Marketing" },
      true,
    ],
    [
      "a keyword of two words in order",
      { field: "job_title_keyword", match: ["vp sales"] },
      { jobTitle: "VP, Sales EMEA" },
      true,
    ],
    [
      "a keyword inside another word does not count",
      { field: "job_title_keyword", match: ["cto"] },
      { jobTitle: "Director" },
      false,
    ],
    ["no title, no match", { field: "job_title_keyword", match: ["director"] }, {}, false],
    [
      "a Chinese keyword inside a Chinese title (no spaces between words)",
      { field: "job_title_keyword", match: ["总监"] },
      { jobTitle: "市场总监" },
      true,
    ],
    [
      "an English keyword inside a Chinese title",
      { field: "job_title_keyword", match: ["vp"] },
      { jobTitle: "华东区销售VP" },
      true,
    ],
    [
      "full-width letters read as their ASCII",
      { field: "job_title_keyword", match: ["cmo"] },
      { jobTitle: "集团ＣＭＯ" },
      true,
    ],
    [
      "Chinese words typed with a space between them",
      { field: "job_title_keyword", match: ["市场总监"] },
      { jobTitle: "市场 总监" },
      true,
    ],
    [
      "a Chinese keyword of two parts must have them touch",
      { field: "job_title_keyword", match: ["销售 总监"] },
      { jobTitle: "销售运营总监" },
      false,
    ],
    [
      "a Chinese keyword absent from the title",
      { field: "job_title_keyword", match: ["总监"] },
      { jobTitle: "市场专员" },
      false,
    ],
    [
      "an English keyword is still a whole word next to Chinese",
      { field: "job_title_keyword", match: ["cto"] },
      { jobTitle: "CTOffice 助理" },
      false,
    ],
    [
      "a listed company size",
      { field: "company_size", match: ["51-200"] },
      { companySize: "51-200" },
      true,
    ],
    [
      "another company size",
      { field: "company_size", match: ["51-200"] },
      { companySize: "1-10" },
      false,
    ],
    ["a country, whatever its case", { field: "country", match: ["de"] }, { country: "DE" }, true],
    [
      "a free-mail domain",
      { field: "free_mail", match: ["gmail.com"] },
      { email: "ann@GMAIL.com" },
      true,
    ],
    ["a company domain is not free mail", { field: "free_mail", match: ["gmail.com"] }, {}, false],
    ["a phone number given", { field: "phone_given", match: [] }, { phone: "+441234567890" }, true],
    ["no phone number", { field: "phone_given", match: [] }, {}, false],
    ["an unknown field never matches", { field: "shoe_size", match: ["42"] }, {}, false],
  ])("%s", (_what, rule, over, expected) => {
    expect(fitMatches(rule, profile(over))).toBe(expected);
  });
});

describe("behaviour rules read events", () => {
  it.each([
    ["a download", { field: "event", match: ["downloaded"] }, { type: "downloaded" }, true],
    [
      "another event type",
      { field: "event", match: ["downloaded"] },
      { type: "email_opened" },
      false,
    ],
    [
      "a tracked link to pricing",
      { field: "event_url", match: ["link_clicked", "/pricing"] },
      { type: "link_clicked", data: { url: "https://x.io/Pricing?a=1" } },
      true,
    ],
    [
      "a tracked link elsewhere",
      { field: "event_url", match: ["link_clicked", "/pricing"] },
      { type: "link_clicked", data: { url: "https://x.io/blog" } },
      false,
    ],
    [
      "a link event without a URL",
      { field: "event_url", match: ["link_clicked", "/pricing"] },
      { type: "link_clicked" },
      false,
    ],
    [
      "a repeat gate submission",
      { field: "repeat_visit", match: [] },
      { type: "gate_submitted", data: { new: false } },
      true,
    ],
    [
      "a repeat recorded by SQL as 0",
      { field: "repeat_visit", match: [] },
      { type: "gate_submitted", data: { new: 0 } },
      true,
    ],
    [
      "a first gate submission is not a repeat",
      { field: "repeat_visit", match: [] },
      { type: "gate_submitted", data: { new: true } },
      false,
    ],
  ])("%s", (_what, rule, event, expected) => {
    expect(eventMatches(rule, { at: 0, ...event })).toBe(expected);
  });
});
