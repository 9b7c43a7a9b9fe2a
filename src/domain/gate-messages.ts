// What a refused gate field says, in the prospect's language (the validation owns its words; pages show them).
import type { Locale } from "./vocabulary";

const en = {
  required: "This field is required",
  invalid_email: "Enter a valid email address",
  invalid_phone: "Enter a valid phone number",
  too_long: "This is too long",
  invalid_choice: "Choose one of the options",
  consent_required: "Please agree to continue",
  invisible_characters:
    "Remove the invisible characters (text-direction or control characters) and try again",
};

const zh: Record<keyof typeof en, string> = {
  required: "此项为必填",
  invalid_email: "请输入有效的邮箱地址",
  invalid_phone: "请输入有效的手机号",
  too_long: "内容过长",
  invalid_choice: "请从选项中选择",
  consent_required: "请勾选同意后继续",
  invisible_characters: "请删除其中的不可见字符（文字方向控制符或控制字符）后重试",
};

type GateMessage = keyof typeof en;

export function gateMessage(locale: Locale, key: GateMessage): string {
  return (locale === "zh-CN" ? zh : en)[key];
}
