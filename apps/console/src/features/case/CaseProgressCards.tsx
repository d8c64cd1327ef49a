import { Card, Descriptions, Empty, Space, Tag, Typography } from 'antd';
import type { CaseView } from '../../views';
import { dash, localTime } from '../../shared/format';
import { DocumentLinks } from './DocumentLinks';

/** 办理情况: notice, pre-check, publicity, decision, acceptance. */
export function CaseProgressCard({ c }: { c: CaseView }) {
  return (
    <Card title="办理情况">
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, md: 2 }}
        items={[
          {
            key: 'notice',
            label: '告知书',
            children: c.noticeNumber ? (
              <Space size={4} wrap>
                {`${c.noticeNumber}（${dash(c.noticeIssuedOn)} 发出）`}
                <DocumentLinks caseId={c.id} kind="notice" />
              </Space>
            ) : (
              '尚未发出'
            ),
          },
          { key: 'precheck', label: '预审意见', children: dash(c.precheckNote) },
          {
            key: 'publicity',
            label: '公示',
            children: c.publicityStartsOn ? `${c.publicityStartsOn} 至 ${dash(c.publicityEndsOn)}${c.publicityStartsOn === c.publicityEndsOn ? '（本区不设公示期）' : ''}` : '尚未公示',
          },
          {
            key: 'decision',
            label: '批复',
            children: c.decisionNumber ? (
              <Space size={4} wrap>
                {`${c.decisionNumber}（${dash(c.grantedOn)} 批复）`}
                <DocumentLinks caseId={c.id} kind="decision" />
              </Space>
            ) : (
              '尚未批复'
            ),
          },
          { key: 'acceptanceRequested', label: '对标验收申请', children: c.acceptanceRequestedOn ? `${c.acceptanceRequestedOn} 申请` : '尚未申请' },
          {
            key: 'acceptance',
            label: '对标验收结果',
            children: c.acceptedOn ? (
              <Tag color="success">{c.acceptedOn} 验收通过</Tag>
            ) : c.acceptanceReasons?.length ? (
              <Space orientation="vertical" size={2}>
                <Tag color="error">验收未通过{c.rectifyBy ? `，限 ${c.rectifyBy} 前整改` : ''}</Tag>
                {c.acceptanceReasons.map((r) => (
                  <Typography.Text key={r}>· {r}</Typography.Text>
                ))}
              </Space>
            ) : (
              '—'
            ),
          },
        ]}
      />
    </Card>
  );
}

/** 承诺书: its scope, dates and items; or why there is none. */
export function CommitmentLetterCard({ c }: { c: CaseView }) {
  const itemName = (code: string) => c.items.find((i) => i.itemCode === code)?.name ?? code;
  return (
    <Card title="承诺书" data-testid="commitment-letter" extra={c.commitment ? <DocumentLinks caseId={c.id} kind="commitment" /> : null}>
      {c.commitment ? (
        <Descriptions
          size="small"
          bordered
          column={{ xs: 1, md: 3 }}
          items={[
            { key: 'scope', label: '承诺范围', children: c.commitment.scope === 'all' ? '全部承诺（全部可承诺事项）' : '部分承诺（其余可承诺事项按一般程序）' },
            { key: 'submitted', label: '提交日期', children: c.commitment.submittedOn },
            { key: 'count', label: '承诺事项数', children: `${c.commitment.itemCodes.length} 项` },
            { key: 'start', label: '承诺开工日期', children: c.commitment.committedDates.start },
            { key: 'completion', label: '承诺竣工日期', children: c.commitment.committedDates.completion },
            { key: 'production', label: '承诺投产日期', children: c.commitment.committedDates.production },
            {
              key: 'declaration',
              label: '承诺声明',
              span: 'filled',
              children: c.commitment.declarationConfirmedAt ? `${c.commitment.actorName ?? '企业'}已于 ${localTime(c.commitment.declarationConfirmedAt)} 阅读并确认承诺声明` : '（声明确认施行前提交）',
            },
            {
              key: 'items',
              label: '承诺事项',
              span: 'filled',
              children: c.commitment.itemCodes.length ? (
                <Space size={[4, 4]} wrap>
                  {c.commitment.itemCodes.map((code) => (
                    <Tag key={code}>
                      {code} {itemName(code)}
                    </Tag>
                  ))}
                </Space>
              ) : (
                '无'
              ),
            },
          ]}
        />
      ) : (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={
            c.status === 'OPENED'
              ? '尚未发出告知书，企业尚未提交承诺书'
              : c.items.some((i) => i.regime === 'committable' && i.procedure === 'ordinary')
                ? '企业未作承诺，全部事项按一般程序办理'
                : '企业尚未提交承诺书'
          }
        />
      )}
    </Card>
  );
}
