import { Card, Statistic, Typography } from 'antd';
import type { BatchTallyView } from '../../views';
import { number, percent } from './figures';

/** Statistic card of a batch: the count is the element with the test id, investment and projected output below it. */
export function TallyCard({ title, tally, testId, color, hint }: { title: string; tally: BatchTallyView; testId: string; color: string; hint: string }) {
  return (
    <Card>
      <Statistic title={title} value={tally.count} suffix="个" styles={{ content: { color } }} formatter={(v) => <span data-testid={testId}>{number.format(Number(v))}</span>} />
      <div>
        <Typography.Text type="secondary">总投资 {number.format(tally.investment)} 万元</Typography.Text>
      </div>
      <div>
        <Typography.Text type="secondary">预计年产值 {number.format(tally.projectedAnnualOutput)} 万元</Typography.Text>
      </div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {hint}
      </Typography.Text>
    </Card>
  );
}

export function RateCard({ title, rate, hint }: { title: string; rate: number | null; hint: string }) {
  return (
    <Card>
      <Statistic title={title} value={percent(rate)} />
      <Typography.Text type="secondary">{hint}</Typography.Text>
    </Card>
  );
}
