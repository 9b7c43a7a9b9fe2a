// Dashboard words for the audit log page, in English and Simplified Chinese.

export const auditEn = {
  audit_title: "Audit log",
  audit_help:
    "Who changed what, newest first: every change made from the dashboard or the API, with the record before and after. Erasures keep no personal data of the person erased.",
  audit_actor: "Who",
  audit_action: "What",
  audit_subject: "Record",
  audit_changes: "Before → after",
  audit_empty: "Nothing has been changed yet.",
  audit_filter_subject: "Record type",
} as const;

export const auditZh: Record<keyof typeof auditEn, string> = {
  audit_title: "操作日志",
  audit_help:
    "谁在何时修改了什么（最新在前）：控制台和 API 的每一次修改，以及修改前后的记录。数据删除不会在日志中保留被删除者的个人数据。",
  audit_actor: "操作人",
  audit_action: "操作",
  audit_subject: "对象",
  audit_changes: "修改前 → 修改后",
  audit_empty: "还没有任何修改。",
  audit_filter_subject: "对象类型",
};
