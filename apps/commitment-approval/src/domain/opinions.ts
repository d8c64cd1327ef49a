import type { Role } from '@devzone/auth';
import type { Message } from '@devzone/shared-kernel';

/**
 * Every act of an officer or a department with legal effect on a case — the
 * 告知书, the 预审, an item's 受理 and decision, a 撤销, the 对标验收 — is taken with
 * a written 审查意见 (the reviewer's opinion), kept with who took the act and
 * when: the case's record (案件审查记录), shown with the case and printed on
 * its documents. An act refused is not recorded (the opinion is written in
 * the act's own transaction).
 */
export const RECORDED_ACTS = [
  'notice',
  'precheck-passed',
  'precheck-failed',
  'item-accepted',
  'application-refused',
  'grant',
  'grant-with-missing-documents',
  'request-corrections',
  'reject',
  'revocation',
  'acceptance-passed',
  'acceptance-failed',
  'imported',
] as const;
export type RecordedAct = (typeof RECORDED_ACTS)[number];

export const RECORDED_ACT_ZH: Record<RecordedAct, string> = {
  notice: '发出告知书',
  'precheck-passed': '预审通过',
  'precheck-failed': '预审不通过',
  'item-accepted': '受理',
  'application-refused': '不予受理',
  grant: '准予',
  'grant-with-missing-documents': '容缺准予',
  'request-corrections': '要求补正',
  reject: '不予许可',
  revocation: '撤销（虚假承诺）',
  'acceptance-passed': '对标验收通过',
  'acceptance-failed': '对标验收不通过',
  imported: '导入（项目台账）',
};

/** Who took an act, as the record names them. */
export const ROLE_ZH: Record<Role, string> = {
  'zone-officer': '开发区审批窗口',
  'department-officer': '部门审批人员',
  'agency-agent': '代办员',
  'agency-supervisor': '代办组长',
  enterprise: '企业',
  'zone-manager': '开发区管理人员',
  'province-manager': '省级管理人员',
  admin: '系统管理员',
};

/** What every act with legal effect is taken with. */
export interface OpinionInput {
  /** 审查意见 */
  opinion: string;
}

/** An opinion's length in characters (after trimming). */
export const OPINION_MIN = 2;
export const OPINION_MAX = 500;
export const OPINION_TEXT: Message = { zh: `opinion 审查意见为必填，${OPINION_MIN}–${OPINION_MAX} 字`, en: `opinion is required: ${OPINION_MIN}–${OPINION_MAX} characters` };
/** The 400's reason for the `opinion` field. */
export const OPINION_MESSAGE = `${OPINION_TEXT.zh} (${OPINION_TEXT.en})`;

/** Whether `value` is an acceptable opinion: a string of 2–500 characters once trimmed (characters, not UTF-16 units: 汉字 outside the BMP count once). */
export function isOpinion(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const length = [...value.trim()].length;
  return length >= OPINION_MIN && length <= OPINION_MAX;
}

/** A decision on an item as the record names it: 不予许可 before 受理 is 不予受理. */
export function decisionAct(decision: 'grant' | 'grant-with-missing-documents' | 'request-corrections' | 'reject', itemStatus: string): RecordedAct {
  return decision === 'reject' && itemStatus === 'APPLIED' ? 'application-refused' : decision;
}
