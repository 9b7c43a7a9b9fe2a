/** @jsxImportSource hono/jsx */
// What the spend import read a file as: its platform and encoding, its account, the lines it skipped.
import type { Locale } from "../../../src/db/schema";
import type { ImportResult } from "../../../src/services/spend/spend-import";
import { at, type AdminKey } from "../messages";

const ENCODING_NAMES: Record<string, string> = {
  "utf-8": "UTF-8",
  "utf-16le": "UTF-16LE",
  "utf-16be": "UTF-16BE",
  gb18030: "GBK/GB18030",
};

/** "9–11" for a run of lines, "4, 7" for scattered ones; long lists end in "…". */
function lineList(lines: number[]): string {
  const runs: string[] = [];
  for (let i = 0; i < lines.length; ) {
    let j = i;
    while (j + 1 < lines.length && lines[j + 1] === lines[j]! + 1) j++;
    runs.push(i === j ? String(lines[i]) : `${lines[i]}–${lines[j]}`);
    i = j + 1;
  }
  return runs.length > 6 ? `${runs.slice(0, 6).join(", ")}, …` : runs.join(", ");
}

export function ImportDetected(p: { L: Locale; result: ImportResult; encoding?: string }) {
  const { L, result: r } = p;
  const encoding = p.encoding || r.encoding;
  return (
    <div class="card" data-testid="import-detected">
      <p>
        {at(L, "export_detected", {
          platform: at(L, `platform_${r.platform}` as AdminKey),
          encoding: ENCODING_NAMES[encoding] ?? encoding,
        })}
        {r.account ? ` ${at(L, "export_account", { account: r.account })}` : null}
      </p>
      {r.skipped.length ? (
        <>
          <p class="muted">{at(L, "export_skipped")}</p>
          <ul>
            {r.skipped.map((s) => (
              <li>
                {at(L, s.lines.length === 1 ? "skip_item_one" : "skip_item", {
                  what: at(L, `skip_${s.kind}` as AdminKey, { n: s.lines.length }),
                  lines: lineList(s.lines),
                })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
