import { Button, Card, Empty, Space, Spin, Tag, Timeline, Typography } from 'antd';
import { ROLE_ZH, type Role } from '../../api';
import type { ProjectView, TimelineEntryView } from '../../views';
import { ErrorAlert } from '../../shared/errors';
import { localTime } from '../../shared/format';
import { useApiPages } from '../../shared/query';

/** The service answers at most 100 entries a page; "更多" asks for the next. */
const PAGE_SIZE = 100;

const SOURCE: Record<string, { label: string; color: string }> = {
  'project-intake': { label: '项目', color: 'blue' },
  'commitment-approval': { label: '审批', color: 'green' },
  'standard-land': { label: '土地', color: 'orange' },
  agency: { label: '代办', color: 'purple' },
  notifications: { label: '通知', color: 'gray' },
};

/**
 * Who did it: a person's role in Chinese with the account (an account of letters only, like
 * the administrator's, adds nothing); the services' own jobs are 系统.
 */
function actorText(actor: TimelineEntryView['actor']): string {
  const role = actor ? ROLE_ZH[actor.role as Role] : undefined;
  if (!actor || !role) return '系统';
  return /[\d\-_.:@]/.test(actor.id) ? `${role} ${actor.id}` : role;
}

/** 项目时间线: what happened to the project in every service, a page at a time. */
export function TimelineCard({ p }: { p: ProjectView }) {
  const { data, error, isLoading, hasNextPage, fetchNextPage, isFetchingNextPage } = useApiPages('project-intake', '/projects/{id}/timeline', { path: { id: p.id } }, PAGE_SIZE);
  const entries = data?.pages.flatMap((page) => page.items) ?? [];
  const total = data?.pages.at(-1)?.total;
  return (
    <Card title={`项目时间线${total === undefined ? '' : `（${total} 条）`}`}>
      <ErrorAlert error={error} />
      {/* A region that scrolls: focusable, so it scrolls by keyboard too (WCAG 2.1.1). */}
      <div data-testid="timeline" role="region" aria-label="项目时间线" tabIndex={0} style={{ maxHeight: 960, overflowY: 'auto', paddingTop: 8 }}>
        {isLoading ? (
          <Spin />
        ) : entries.length ? (
          <>
            <Timeline
              items={entries.map((e) => ({
                key: e.eventId,
                color: SOURCE[e.source]?.color ?? 'gray',
                content: (
                  <div data-testid="timeline-entry">
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {localTime(e.occurredAt)}
                    </Typography.Text>
                    <div>{e.summary}</div>
                    <Space size={4}>
                      {SOURCE[e.source] && <Tag color={SOURCE[e.source].color === 'gray' ? 'default' : SOURCE[e.source].color}>{SOURCE[e.source].label}</Tag>}
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {actorText(e.actor)}
                      </Typography.Text>
                    </Space>
                  </div>
                ),
              }))}
            />
            {hasNextPage && (
              <Button block loading={isFetchingNextPage} onClick={() => void fetchNextPage()} data-testid="timeline-more">
                更多（已显示 {entries.length} / {total} 条）
              </Button>
            )}
          </>
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无记录" />
        )}
      </div>
    </Card>
  );
}
