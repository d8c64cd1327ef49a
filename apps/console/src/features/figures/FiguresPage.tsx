import { Button, Card, Col, DatePicker, Empty, Row, Select, Space, Spin, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import type { Session } from '../../api';
import type { RoundView } from '../../views';
import { PageHeading } from '../../shared/page';
import { READABLE } from '../../shared/theme';
import { ErrorAlert } from '../../shared/errors';
import { chinaToday, tid, ymd } from '../../shared/format';
import { useApi } from '../../shared/query';
import { useZones } from '../../shared/zones';
import { BatchLists } from './BatchLists';
import { BehindPlanCard } from './BehindPlanCard';
import { RateCard, TallyCard } from './FigureCards';
import { DurationsChart, PlanVsActualChart, RoundsChart } from './FigureCharts';
import { describeWindow, MAY_CREATE_ROUNDS, windowParams, type Selection } from './figures';
import { NewRoundModal } from './NewRoundModal';

/**
 * 三个一批 of a round (a zone's window of days) or of an ad-hoc window: the
 * projects signed, started and put into production in it (a project signed in
 * an earlier round counts as started in this one), each batch's list, the rates
 * of the projects signed in it, durations by zone and the projects behind plan.
 */
export function FiguresPage({ session }: { session: Session }) {
  const wide = session.user.role === 'province-manager' || session.user.role === 'admin';
  const [zone, setZone] = useState<string>();
  const [round, setRound] = useState<RoundView>();
  const [adHoc, setAdHoc] = useState<[string, string]>();
  const [asOf, setAsOf] = useState<string>();
  const [creating, setCreating] = useState(false);
  const zones = useZones();
  const { zoneName } = zones;
  const zoneOptions = (wide ? zones.zones : zones.zones.filter((z) => session.user.zones.includes(z.code))).map((z) => ({ value: z.code, label: z.name }));
  const today = chinaToday();

  const rounds = useApi('project-intake', '/rounds', { query: { pageSize: 100, zone } });
  const roundOptions = (rounds.data?.items ?? []).map((r) => ({ value: r.id, label: `${r.name}${zone ? '' : `（${r.zoneName ?? r.zoneCode}）`} · ${r.startsOn} 至 ${r.endsOn}` }));

  const selection: Selection = { zone, round, window: adHoc, asOf };
  const { data, error, isLoading, isFetching } = useApi('project-intake', '/figures/three-batches', { query: windowParams(selection) }, { keepPrevious: true });
  const cohort = adHoc || round ? '本期签约项目' : '已签约项目';
  const chartZone = round?.zoneCode ?? zone;
  const chartScope = chartZone ? zoneName(chartZone) : wide ? '全省' : '本人负责的开发区';

  // 打印: the lists show every row; once they are on the page, the browser's print; after it, the page as it was.
  const [printing, setPrinting] = useState(false);
  const [printReady, setPrintReady] = useState(false);
  const onPrintReady = () => setPrintReady(true);
  useEffect(() => {
    if (!printing) return;
    const done = () => (setPrinting(false), setPrintReady(false));
    window.addEventListener('afterprint', done);
    return () => window.removeEventListener('afterprint', done);
  }, [printing]);
  useEffect(() => {
    if (!printing || !printReady) return;
    // After the rows are drawn: the next frame.
    const frame = requestAnimationFrame(() => setTimeout(() => window.print(), 0));
    return () => cancelAnimationFrame(frame);
  }, [printing, printReady]);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={<PageHeading title="三个一批" />}
        extra={
          <Space size={16} wrap>
            <Typography.Text type="secondary" data-testid="figures-scope">
              {data ? `${describeWindow(selection, zoneName)} · 统计截止：${data.asOf}` : ''}
            </Typography.Text>
            <Button onClick={() => (setPrintReady(false), setPrinting(true))} disabled={!data} loading={printing && !printReady} data-testid="figures-print">
              打印
            </Button>
            {printing && (
              <Button onClick={() => (setPrinting(false), setPrintReady(false))} data-testid="figures-print-exit">
                退出打印视图
              </Button>
            )}
            {MAY_CREATE_ROUNDS(session) && (
              <Button type="primary" onClick={() => setCreating(true)} data-testid="figures-new-round">
                新建批次
              </Button>
            )}
          </Space>
        }
      >
        <Space wrap size={16}>
          <Select
            data-testid="figures-zone"
            aria-label="选择开发区"
            allowClear
            placeholder={wide ? '全部开发区' : '我负责的全部开发区'}
            style={{ width: 260 }}
            loading={zones.loading}
            value={zone}
            onChange={(v?: string) => {
              setZone(v);
              if (round && v && round.zoneCode !== v) setRound(undefined);
            }}
            options={zoneOptions}
          />
          <Select
            data-testid="figures-round"
            aria-label="选择批次"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="选择批次（三个一批）"
            style={{ width: 440 }}
            loading={rounds.isLoading}
            value={round?.id}
            onChange={(id?: string) => {
              setRound(rounds.data?.items.find((r) => r.id === id));
              if (id) setAdHoc(undefined);
            }}
            options={roundOptions}
            notFoundContent={rounds.isLoading ? <Spin size="small" /> : '暂无批次'}
          />
          <DatePicker.RangePicker
            {...tid('figures-window')}
            allowEmpty={[false, false]}
            placeholder={['自定义时间段起', '止']}
            value={adHoc ? [dayjs(adHoc[0]), dayjs(adHoc[1])] : null}
            onChange={(v) => {
              const from = ymd(v?.[0]);
              const to = ymd(v?.[1]);
              setAdHoc(from && to ? [from, to] : undefined);
              if (from && to) setRound(undefined);
            }}
          />
          <DatePicker
            {...tid('figures-as-of')}
            placeholder="统计截止日（默认今天）"
            title={`不填则截至今天 ${today}`}
            style={{ width: 240 }}
            value={asOf ? dayjs(asOf) : null}
            onChange={(d: Dayjs | null) => setAsOf(ymd(d))}
          />
        </Space>
      </Card>
      <ErrorAlert error={error ?? zones.error ?? rounds.error} />
      {creating && (
        <NewRoundModal
          zones={zoneOptions}
          zone={zone}
          onClose={(created) => {
            setCreating(false);
            if (created) {
              setRound(created);
              setAdHoc(undefined);
            }
          }}
        />
      )}
      {!data ? (
        <Card>{isLoading ? <Spin style={{ display: 'block', margin: '48px auto' }} /> : <Empty description="暂无数据" />}</Card>
      ) : (
        <Spin spinning={isFetching}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Row gutter={[16, 16]}>
              <Col xs={24} md={8}>
                <TallyCard title="签约一批" tally={data.batches.signed} testId="figure-signed" color={READABLE.blue} hint="签约日期在本期内的项目" />
              </Col>
              <Col xs={24} md={8}>
                <TallyCard title="开工一批" tally={data.batches.started} testId="figure-started" color={READABLE.cyan} hint="实际开工日期在本期内的项目（含以前批次签约的）" />
              </Col>
              <Col xs={24} md={8}>
                <TallyCard title="投产一批" tally={data.batches.inProduction} testId="figure-production" color={READABLE.green} hint="实际投产日期在本期内的项目" />
              </Col>
              <Col xs={24} md={8}>
                <RateCard title="开工率" rate={data.startRate} hint={`${cohort}中已开工的：${data.started.count} ÷ ${data.signed.count}`} />
              </Col>
              <Col xs={24} md={8}>
                <RateCard title="投产率" rate={data.productionRate} hint={`${cohort}中已开工的项目里已投产的：${data.inProduction.count} ÷ ${data.started.count}`} />
              </Col>
              <Col xs={24} md={8}>
                <RateCard title="达效率" rate={data.outputAttainment} hint={`${cohort}中已投产并报告产值的：实际年产值 ÷ 预计年产值`} />
              </Col>
            </Row>
            <BatchLists selection={selection} counts={data.batches} printing={printing} onPrintReady={onPrintReady} />
            <Row gutter={[16, 16]}>
              <Col xs={24} xl={12}>
                <RoundsChart zone={chartZone} asOf={asOf} scope={chartScope} />
              </Col>
              <Col xs={24} xl={12}>
                <PlanVsActualChart zone={chartZone} asOf={asOf} scope={chartScope} />
              </Col>
            </Row>
            <Card title="各开发区推进用时" extra={<Typography.Text type="secondary">签约→开工：开工一批；开工→投产：投产一批；P90：九成项目不超过的天数</Typography.Text>}>
              <DurationsChart rows={data.durationsByZone} zoneName={zoneName} />
            </Card>
            <BehindPlanCard data={data} cohort={cohort} zoneName={zoneName} selection={selection} printing={printing} />
          </Space>
        </Spin>
      )}
    </Space>
  );
}
