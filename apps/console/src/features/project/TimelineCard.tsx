import { Button, Card, Empty, Select, Space, Spin, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import type { ProjectView, TimelineEntryView } from '../../views';
import { ErrorAlert } from '../../shared/errors';
import { localTime } from '../../shared/format';
import { useApiPages } from '../../shared/query';
import { actorText, foldTimeline, TIMELINE_FILTERS, type TimelineFilter, type TimelineLine } from './timeline';

/** The service answers at most 100 entries a page; "更多" asks for the next (older ones: newest first). */
const PAGE_SIZE = 100;

/** The colour of each service's tag and dot (its name comes from the service: sourceName). */
const SOURCE_COLOR: Record<string, string> = { 'project-intake': 'blue', 'commitment-approval': 'green', 'standard-land': 'orange', agency: 'purple', notifications: 'default' };
const dot = (e: TimelineEntryView) => (SOURCE_COLOR[e.source] === 'default' ? 'gray' : (SOURCE_COLOR[e.source] ?? 'gray'));

const small = { fontSize: 12 } as const;

/** One entry: when, what (its object first), who and which service. */
function EntryBody({ e, showObject = true }: { e: TimelineEntryView; showObject?: boolean }) {
  return (
    <div data-testid="timeline-entry" style={{ overflowWrap: 'anywhere' }}>
      <Typography.Text type="secondary" style={small}>
        {localTime(e.occurredAt)}
      </Typography.Text>
      <div>
        {showObject && e.objectName && !e.summary.startsWith(e.objectName) && <Typography.Text strong>{e.objectName}：</Typography.Text>}
        {e.summary}
      </div>
      <Space size={4} wrap>
        <Tag color={SOURCE_COLOR[e.source] ?? 'default'} data-testid="timeline-source">
          {e.sourceName}
        </Tag>
        <Typography.Text type="secondary" style={small} data-testid="timeline-actor">
          {actorText(e.actor)}
        </Typography.Text>
      </Space>
    </div>
  );
}

/** A run of one 全代办 task's progress: "供水报装 · 5 条进展", the latest shown, the rest on demand. */
function TaskRun({ line }: { line: TimelineLine }) {
  const [open, setOpen] = useState(false);
  const [latest, ...earlier] = line.entries;
  return (
    <div data-testid="timeline-group">
      <Typography.Text strong>
        {latest.objectName ?? '代办事项'} · {line.entries.length} 条进展
      </Typography.Text>
      <EntryBody e={latest} showObject={false} />
      <Button type="link" size="small" style={{ paddingInline: 0 }} aria-expanded={open} onClick={() => setOpen(!open)} data-testid="timeline-group-toggle">
        {open ? '收起' : `展开其余 ${earlier.length} 条`}
      </Button>
      {open && (
        <div style={{ borderInlineStart: '2px solid #f0f0f0', paddingInlineStart: 8 }}>
          {earlier.map((e) => (
            <div key={e.eventId} style={{ marginBottom: 8 }}>
              <EntryBody e={e} showObject={false} />
            </div>
          ))}
        </div>
      )}
    </div>
  );
}

/** 项目时间线: what happened to the project in every service, newest first, a page at a time; one kind at a time if asked. */
export function TimelineCard({ p }: { p: ProjectView }) {
  const [kind, setKind] = useState<TimelineFilter>('');
  const { data, error, isLoading, hasNextPage, fetchNextPage, isFetchingNextPage } = useApiPages(
    'project-intake',
    '/projects/{id}/timeline',
    { path: { id: p.id }, query: { order: 'desc', ...(kind ? { kind } : {}) } },
    PAGE_SIZE,
  );
  const entries = data?.pages.flatMap((page) => page.items) ?? [];
  const total = data?.pages.at(-1)?.total;
  const lines = foldTimeline(entries);
  return (
    <Card
      title={`项目时间线${total === undefined ? '' : `（${total} 条）`}`}
      extra={
        <Select<TimelineFilter>
          value={kind}
          onChange={setKind}
          options={TIMELINE_FILTERS.map((f) => ({ value: f.value, label: f.label }))}
          style={{ width: 96 }}
          aria-label="按类别筛选时间线"
          data-testid="timeline-filter"
        />
      }
    >
      <ErrorAlert error={error} />
      {/* A region that scrolls: focusable, so it scrolls by keyboard too (WCAG 2.1.1). */}
      <div data-testid="timeline" role="region" aria-label="项目时间线（最新在前）" tabIndex={0} style={{ maxHeight: 960, overflowY: 'auto', paddingTop: 8 }}>
        {isLoading ? (
          <Spin />
        ) : entries.length ? (
          <>
            <Timeline
              items={lines.map((line) => ({
                key: line.key,
                color: dot(line.entries[0]),
                content: line.entries.length > 1 ? <TaskRun line={line} /> : <EntryBody e={line.entries[0]} />,
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
