// The assets offered in dashboard pickers (id and title, newest first).
import type { Db } from "../../env";
import { assetPickerRows } from "../../store/assets";

export async function assetOptions(db: Db): Promise<{ id: number; title: string }[]> {
  return assetPickerRows(db);
}
