// Dashboard words for the people page, in English and Simplified Chinese.

export const peopleEn = {
  people_title: "People",
  people_help:
    "Teammates sign in with a one-time link mailed to them: no passwords. Changing someone's role or removing them signs them out at once.",
  people_invite: "Invite a teammate",
  people_invite_submit: "Send invitation",
  people_role: "Role",
  people_language: "Invitation language",
  people_invited_by: "Invited by",
  people_since: "Member since",
  people_change_role: "Change role",
  people_remove: "Remove",
  people_removed_at: "Removed",
  people_you: "you",
  people_empty: "Nobody has been invited yet. Until then, sign in with the ADMIN_TOKEN.",
  people_invited: "Invitation sent to {email}.",
  people_invited_unmailed:
    "{email} was added, but the invitation could not be mailed. They can still sign in from the sign-in page with their address.",
  people_role_saved:
    "Role changed. Their sessions were ended; they sign in again with the new role.",
  people_removed: "Removed. Their sessions and unused sign-in links were ended.",
  people_roles_title: "What each role may do",
  people_role_admin_help: "Everything, including people, API tokens, erasure and the audit log.",
  people_role_marketer_help:
    "Assets, sequences, score rules, spend, reports and webhooks; reads and exports leads.",
  people_role_sales_help: "Leads, outcomes and webhooks; reads score rules.",
  people_role_viewer_help:
    "Reads every page a marketer reads; changes nothing, exports no lead lists.",
} as const;

export const peopleZh: Record<keyof typeof peopleEn, string> = {
  people_title: "成员",
  people_help:
    "成员通过邮件中的一次性链接登录，无需密码。修改成员角色或移除成员后，其会话会立即结束。",
  people_invite: "邀请成员",
  people_invite_submit: "发送邀请",
  people_role: "角色",
  people_language: "邀请邮件语言",
  people_invited_by: "邀请人",
  people_since: "加入时间",
  people_change_role: "修改角色",
  people_remove: "移除",
  people_removed_at: "已移除",
  people_you: "您",
  people_empty: "还没有邀请任何成员。在此之前，请使用 ADMIN_TOKEN 登录。",
  people_invited: "已向 {email} 发送邀请。",
  people_invited_unmailed: "已添加 {email}，但邀请邮件未能发出。对方仍可在登录页面用该邮箱登录。",
  people_role_saved: "角色已修改。该成员的会话已结束，需以新角色重新登录。",
  people_removed: "已移除。该成员的会话和未使用的登录链接均已失效。",
  people_roles_title: "各角色的权限",
  people_role_admin_help: "全部权限，包括成员、API 令牌、数据删除和操作日志。",
  people_role_marketer_help:
    "内容资产、培育序列、评分规则、投放花费、报表和 Webhook；可查看和导出线索。",
  people_role_sales_help: "线索、销售结果和 Webhook；可查看评分规则。",
  people_role_viewer_help: "可查看市场角色能看的所有页面；不能修改任何内容，不能导出线索名单。",
};
