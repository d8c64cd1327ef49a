import { Card, Empty, Skeleton, Space } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import type { Session } from '../../api';
import type { CaseView, ZoneRulesView } from '../../views';
import { ErrorAlert } from '../../shared/errors';
import { PageHeading } from '../../shared/page';
import { useApi } from '../../shared/query';
import { isOfficer } from '../../shared/roles';
import { useZones } from '../../shared/zones';
import { NoticeModal, PrecheckModal, type CaseAct } from './CaseActModals';
import { CaseActionsCard, offersCaseActions } from './CaseActionsCard';
import { useCaseCommands } from './caseCommands';
import { CaseHeaderCard } from './CaseHeaderCard';
import { CaseProgressCard, CommitmentLetterCard } from './CaseProgressCards';
import { CaseRecordCard } from './CaseRecordCard';
import { ClocksCard } from './ClocksCard';
import { ItemsCard } from './ItemsCard';

/** /cases/:id — a 承诺制 case, its items, and the commands the user may take on them. */
export function CasePage({ session }: { session: Session }) {
  const { id = '' } = useParams();
  const officer = isOfficer(session);
  const kase = useApi('commitment-approval', '/cases/{id}', { path: { id } });
  const c = kase.data;
  const { zoneName } = useZones();
  const settings = useApi('commitment-approval', '/settings/zones/{zone}', c ? { path: { zone: c.zoneCode } } : null);

  if (kase.isLoading)
    return (
      <Card title={<PageHeading title="承诺制案件" />}>
        <Skeleton active paragraph={{ rows: 8 }} />
      </Card>
    );
  if (!c)
    return (
      <Card title={<PageHeading title="承诺制案件" />}>
        <ErrorAlert error={kase.error} />
        {!kase.error && <Empty description="案件不存在" />}
        <Link to={officer ? '/queue' : '/projects'}>返回</Link>
      </Card>
    );
  return <CaseWork c={c} session={session} officer={officer} refreshing={kase.isFetching} error={kase.error} onRefresh={() => void kase.refetch()} zoneName={zoneName} settings={settings.data} />;
}

function CaseWork({
  c,
  session,
  officer,
  refreshing,
  error,
  onRefresh,
  zoneName,
  settings,
}: {
  c: CaseView;
  session: Session;
  officer: boolean;
  refreshing: boolean;
  error: unknown;
  onRefresh: () => void;
  zoneName: (code: string) => string;
  settings?: ZoneRulesView;
}) {
  const { act, busy, error: actionError } = useCaseCommands(c);
  const [confirming, setConfirming] = useState<CaseAct>();
  const close = () => setConfirming(undefined);
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <CaseHeaderCard c={c} error={error} refreshing={refreshing} onRefresh={onRefresh} officer={officer} linksCredit={officer || session.user.role === 'enterprise'} zoneName={zoneName} />
      {actionError ? (
        <div data-testid="action-error">
          <ErrorAlert error={actionError} />
        </div>
      ) : null}
      {(officer || offersCaseActions(c)) && <CaseActionsCard c={c} busy={busy} settings={settings} act={act} confirm={setConfirming} />}
      <CaseProgressCard c={c} />
      <CommitmentLetterCard c={c} />
      <ClocksCard c={c} />
      <ItemsCard c={c} loading={refreshing} busy={busy} act={act} maxMissingDocumentsWorkingDays={settings?.maxMissingDocumentsWorkingDays} />
      <CaseRecordCard c={c} />
      {confirming === 'notice' && <NoticeModal c={c} onClose={close} />}
      {(confirming === 'precheck-pass' || confirming === 'precheck-fail') && <PrecheckModal c={c} passed={confirming === 'precheck-pass'} settings={settings} onClose={close} />}
    </Space>
  );
}
