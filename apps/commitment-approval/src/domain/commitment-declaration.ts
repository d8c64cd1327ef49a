/**
 * The declaration of a 承诺书 (a formatted, legally binding document: "承诺自身能
 * 满足办理条件、标准和技术要求… 承诺×年×月开工、×年×月竣工、×年×月投产",
 * ../shared/docs/domain.md §2.1). The enterprise reads it on the form and confirms
 * it (`declarationConfirmed: true`) before it submits; the text it confirmed is
 * kept with the 承诺书 and printed on it. A new wording is a new version: a
 * commitment keeps the wording it confirmed.
 */
export const DECLARATION_VERSION = 1;

export interface DeclarationParties {
  enterpriseName: string;
  projectName: string;
}

export function commitmentDeclaration({ enterpriseName, projectName }: DeclarationParties): string {
  return [
    `本企业（${enterpriseName}）就“${projectName}”郑重承诺：`,
    '一、已认真阅读开发区发出的承诺制告知书，知晓所承诺事项的审批条件、标准和技术要求；本企业自身能够满足上述条件、标准和要求。',
    '二、所提交的申请材料真实、合法、有效，与实际建设内容一致。',
    '三、按本承诺书载明的日期开工、竣工、投产；项目竣工后申请对标验收，接受开发区和有关部门的事中事后监管。',
    '四、如有虚假承诺或未履行承诺，愿意承担撤销依承诺作出的准予决定、记入企业失信记录、列入失信黑名单等法律责任。',
  ].join('\n');
}
