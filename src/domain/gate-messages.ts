// What a refused gate field says, in the prospect's language (the validation owns its words; pages show them).
import type { Locale } from "./vocabulary";

const en = {
  required: "This field is required",
  invalid_email: "Enter a valid email address",
  invalid_phone: "Enter a valid phone number",
  landline_phone: "Enter a mobile number; landlines are not accepted",
  mainland_mobile_only: "Enter a mainland China mobile number",
  too_long: "This is too long",
  invalid_choice: "Choose one of the options",
  consent_required:
    "This offer is only for people who agree to receive our emails: tick the box to continue",
  privacy_required: "Please agree to the privacy policy to continue",
  invisible_characters:
    "Remove the invisible characters (text-direction or control characters) and try again",
};

const zh: Record<keyof typeof en, string> = {
  required: "此项为必填",
  invalid_email: "请输入有效的邮箱地址",
  invalid_phone: "请输入有效的手机号",
  landline_phone: "请填写手机号，不支持座机号码",
  mainland_mobile_only: "请填写中国大陆手机号",
  too_long: "内容过长",
  invalid_choice: "请从选项中选择",
  consent_required: "本资料仅提供给同意接收我们邮件的用户，请勾选后继续",
  privacy_required: "请阅读并同意隐私政策后继续",
  invisible_characters: "请删除其中的不可见字符（文字方向控制符或控制字符）后重试",
};

type GateMessage = keyof typeof en;

export function gateMessage(locale: Locale, key: GateMessage): string {
  return (locale === "zh-CN" ? zh : en)[key];
}
