import { Table, Tag } from 'antd';
import type { CaseView, ZoneRulesView } from '../../views';
import { postToCase } from '../../shared/cases';
import { dash } from '../../shared/format';
import { ActModal, Facts } from './ActModal';

const REGIME_ZH: Record<string, string> = { committable: '可承诺', approval: '须审批' };

/** The acts on the case itself that open a confirmation dialog. */
export type CaseAct = 'notice' | 'precheck-pass' | 'precheck-fail';

/** 发出告知书: the notice that will be issued (its number is given when it is), to whom, on which items. */
export function NoticeModal({ c, onClose }: { c: CaseView; onClose: () => void }) {
  return (
    <ActModal
      c={c}
      title="发出承诺制告知书"
      okText="确认发出"
      warning="告知书发出后，企业即可选择承诺制或一般程序并提交承诺书。"
      preview={
        <>
          <Facts
            items={[
              { key: 'document', label: '文书', children: '承诺制告知书（编号在发出时生成）' },
              { key: 'enterprise', label: '致', children: `${c.enterpriseName}（${c.creditCode}）` },
              { key: 'project', label: '项目', children: `${c.projectName}（${c.projectCode}）` },
              { key: 'count', label: '审批事项', children: `${c.items.length} 项，其中可承诺 ${c.items.filter((i) => i.regime === 'committable').length} 项` },
            ]}
          />
          <Table
            size="small"
            rowKey="itemCode"
            style={{ marginTop: 8 }}
            pagination={c.items.length > 8 ? { pageSize: 8, size: 'small' } : false}
            dataSource={c.items}
            columns={[
              { title: '事项', key: 'item', render: (_, i) => `${i.itemCode} ${i.name}` },
              { title: '部门', dataIndex: 'department' },
              { title: '类别', dataIndex: 'regime', render: (r: string) => <Tag color={r === 'committable' ? 'cyan' : 'default'}>{REGIME_ZH[r] ?? r}</Tag> },
            ]}
          />
        </>
      }
      send={(v) => postToCase(c, '/notice', { opinion: v.opinion })}
      done="告知书已发出"
      onClose={onClose}
    />
  );
}

/** 预审 of the 承诺书: what the enterprise committed to, and what passing or failing does. */
export function PrecheckModal({ c, passed, settings, onClose }: { c: CaseView; passed: boolean; settings?: Pick<ZoneRulesView, 'publicityDays'>; onClose: () => void }) {
  const letter = c.commitment;
  const name = (code: string) => c.items.find((i) => i.itemCode === code)?.name ?? code;
  const next = passed
    ? settings?.publicityDays
      ? `预审通过后进入公示（${settings.publicityDays} 天），已受理事项暂停计时；公示期满后进入审批决定。`
      : '预审通过后直接进入审批决定（本区不设公示期）；各事项均已办结的，案件即时批复。'
    : '预审不通过：退回企业修改后重新提交承诺书，审查意见将告知企业。';
  return (
    <ActModal
      c={c}
      title={passed ? '预审通过' : '预审不通过'}
      okText={passed ? '确认预审通过' : '确认不通过'}
      danger={!passed}
      warning={next}
      opinionLabel={passed ? '审查意见' : '审查意见（不通过的理由，将告知企业）'}
      opinionPlaceholder={passed ? '写明预审的依据与结论' : '请说明须补充或修改的内容，企业将据此重新提交承诺书'}
      preview={
        <Facts
          items={[
            { key: 'result', label: '预审结果', children: passed ? '通过' : '不通过' },
            { key: 'enterprise', label: '企业', children: c.enterpriseName },
            { key: 'scope', label: '承诺范围', children: letter ? (letter.scope === 'all' ? '全部承诺' : '部分承诺') : '—' },
            { key: 'items', label: '承诺事项', children: letter?.itemCodes.length ? letter.itemCodes.map((code) => `${code} ${name(code)}`).join('、') : '—' },
            {
              key: 'dates',
              label: '承诺日期',
              children: letter ? `开工 ${letter.committedDates.start}，竣工 ${letter.committedDates.completion}，投产 ${letter.committedDates.production}` : '—',
            },
            { key: 'submitted', label: '提交', children: letter ? `${letter.submittedOn}${letter.actorName ? `，${letter.actorName}` : ''}${letter.declarationConfirmedAt ? '，已确认承诺声明' : ''}` : dash(null) },
          ]}
        />
      }
      send={(v) => postToCase(c, '/precheck', { passed, opinion: v.opinion })}
      done={passed ? '预审通过' : '预审不通过，已退回企业重新承诺'}
      onClose={onClose}
    />
  );
}
