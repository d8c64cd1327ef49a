import { randomUUID } from 'node:crypto';
import { CompressionTypes, type Producer } from 'kafkajs';
import { Client } from 'pg';
import { buildEvent, TaskUpdated, type EventEnvelope, type TaskUpdatedV1 } from '@devzone/contracts';
import { createTestDatabase, dropTestDatabase, eventually, localBroker, localPostgres, post, readTopic, spawnService, testKafka, uniqueName, type SpawnedService } from '@devzone/testing';

/**
 * Faults under load, counted. project-intake (a real process) consumes a steady
 * stream of agency.task-updated events for 40 projects, each of which becomes
 * one timeline entry. Meanwhile: (1) kill -9 of the consumer while it has work
 * in flight, and a restart; (2) a broker restart; (3) a PostgreSQL restart;
 * then (4) every event published again; (5) two poison events. After
 * quiescence: every event applied, none twice, each project's events in the
 * order published, and the poison in the dead-letter topic.
 */
describe('faults under a steady load of project events', () => {
  const name = uniqueName('fault');
  const prefix = `${name}.`;
  const topic = `${prefix}agency.events`;
  let databaseUrl: string;
  let intake: SpawnedService;
  const projects: string[] = [];
  const published: EventEnvelope<TaskUpdatedV1>[] = [];
  const report: Record<string, number | string> = {};

  const env = () => ({ DATABASE_URL: databaseUrl, KAFKA_TOPIC_PREFIX: prefix, KAFKA_TOPIC_PARTITIONS: '3', LOG_LEVEL: 'error' });

  /** One short-lived connection per query: PostgreSQL is restarted under us. */
  async function query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return eventually(async () => {
      const db = new Client({ connectionString: databaseUrl });
      await db.connect();
      try {
        return (await db.query(sql, params)).rows as T[];
      } finally {
        await db.end().catch(() => undefined);
      }
    }, { timeoutMs: 60_000, intervalMs: 250 });
  }
  const applied = async () => Number((await query<{ n: string }>(`SELECT count(*) AS n FROM timeline_entries WHERE type = 'agency.task-updated'`))[0].n);

  beforeAll(async () => {
    databaseUrl = await createTestDatabase(name);
    intake = await spawnService('project-intake', env());
    for (let i = 0; i < 40; i++) {
      const r = await post(`${intake.url}/projects`, {
        name: `故障演练项目 ${i + 1}`,
        enterprise: { name: '山西故障演练有限公司', creditCode: '91140100MA0DEM101H' },
        zoneCode: i % 2 ? 'SX-ZGQ' : 'CZ-GXQ',
        industryCode: 'C3484',
        totalInvestment: 1000,
        fixedAssetInvestment: 800,
        projectedAnnualOutput: 1000,
        landAreaMu: 0,
        usesStandardLand: false,
        wantsFullAgency: true,
        plannedDates: { start: '2027-01-01', completion: '2027-06-30', production: '2027-08-01' },
        signedOn: '2026-11-01',
        contacts: [{ name: '测试', mobile: '13000000000' }],
      });
      expect(r.status).toBe(201);
      projects.push(r.body['id'] as string);
    }
  }, 120_000);

  afterAll(async () => {
    await localBroker.start().catch(() => undefined); // whatever happened, leave a broker up
    await intake?.stop();
    await dropTestDatabase(name);
  }, 120_000);

  it('loses nothing, applies nothing twice, keeps each project’s order, and dead-letters the poison', async () => {
    const producer: Producer = testKafka('fault-load').producer({ idempotent: true, maxInFlightRequests: 1, retry: { retries: 3 } });
    await producer.connect();
    const delegationId = randomUUID();

    // The steady load: a round of one event per project every 100 ms, each round retried until the broker takes it.
    let round = 0;
    let loading = true;
    let sendFailures = 0;
    const load = (async () => {
      while (loading) {
        const events = projects.map((projectId) =>
          buildEvent(TaskUpdated, { projectId, source: 'agency', payload: { delegationId, taskId: delegationId, title: `故障演练 #${round}`, from: 'PLANNED', to: 'COLLECTING_MATERIALS', note: String(round) } }),
        );
        for (;;) {
          try {
            await producer.send({ topic, compression: CompressionTypes.None, messages: events.map((e) => ({ key: e.projectId, value: JSON.stringify(e), headers: { 'event-type': e.type } })) });
            break;
          } catch {
            sendFailures++;
            if (!loading) return;
            await new Promise((r) => setTimeout(r, 500));
            await producer.connect().catch(() => undefined);
          }
        }
        published.push(...events);
        round++;
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
    const waitApplied = (atLeast: number) => eventually(async () => expect(await applied()).toBeGreaterThanOrEqual(atLeast), { timeoutMs: 120_000, intervalMs: 250 });

    // (1) kill -9 the consumer while it has events in flight, then start it again.
    await waitApplied(200);
    // The moment a round has gone out: the consumer has it in flight (measured before the kill, the lag was sometimes 0).
    const sent = published.length;
    await eventually(() => expect(published.length).toBeGreaterThan(sent), { intervalMs: 1 });
    const publishedAtKill = published.length;
    intake.process.kill('SIGKILL');
    await new Promise((r) => intake.process.once('exit', r));
    const lagAtKill = publishedAtKill - (await applied());
    report['kill -9: events published but not applied at the kill'] = lagAtKill;
    await pause(1_500);
    intake = await spawnService('project-intake', env());
    await waitApplied(published.length);

    // (2) restart the broker.
    await localBroker.stop();
    await pause(2_000);
    await localBroker.start();
    await waitApplied(published.length);

    // (3) restart PostgreSQL.
    await localPostgres.restart();
    await waitApplied(published.length);

    loading = false;
    await load;
    report['rounds'] = round;
    report['events published'] = published.length;
    report['sends retried during the faults'] = sendFailures;

    // (4) every consumed event again, same ids; (5) two poison events.
    for (let i = 0; i < published.length; i += 500) {
      await producer.send({ topic, messages: published.slice(i, i + 500).map((e) => ({ key: e.projectId, value: JSON.stringify(e), headers: { 'event-type': e.type } })) });
    }
    const invalid = { ...buildEvent(TaskUpdated, { projectId: projects[0], source: 'agency', payload: { delegationId, taskId: delegationId, title: 'x', from: 'PLANNED', to: 'COLLECTING_MATERIALS' } }) };
    (invalid.payload as Partial<TaskUpdatedV1>).taskId = undefined;
    await producer.send({
      topic,
      messages: [
        { key: projects[1], value: '{"not": json', headers: { 'event-type': 'agency.task-updated' } },
        { key: projects[2], value: JSON.stringify(invalid), headers: { 'event-type': 'agency.task-updated' } },
      ],
    });
    await producer.disconnect();

    // Quiescence: the count reaches what was published and stays there.
    await waitApplied(published.length);
    await pause(5_000);
    const rows = await query<{ event_id: string; project_id: string; seq: string; step: string }>(
      `SELECT event_id, project_id, seq, payload->>'note' AS step FROM timeline_entries WHERE type = 'agency.task-updated' ORDER BY seq`,
    );
    const ids = new Set(rows.map((r) => r.event_id));
    const lost = published.filter((e) => !ids.has(e.id)).length;
    const twice = rows.length - ids.size;
    const publishedIds = new Set(published.map((e) => e.id));
    const extra = rows.filter((r) => !publishedIds.has(r.event_id)).length;
    let outOfOrder = 0;
    const last = new Map<string, number>();
    for (const r of rows) {
      const step = Number(r.step);
      if (step !== (last.get(r.project_id) ?? -1) + 1) outOfOrder++;
      last.set(r.project_id, step);
    }
    const dead = await readTopic(`${topic}.dlq`, 2);
    Object.assign(report, { 'timeline entries': rows.length, lost, 'applied twice': twice, 'not published': extra, 'out of order': outOfOrder, 'dead-lettered': dead.length });
    console.log(`fault suite (counted):\n${Object.entries(report).map(([k, v]) => `  ${k}: ${v}`).join('\n')}`);

    expect(lagAtKill).toBeGreaterThan(0); // the consumer died with work in flight
    expect(lost).toBe(0);
    expect(twice).toBe(0);
    expect(extra).toBe(0);
    expect(rows).toHaveLength(published.length);
    expect(outOfOrder).toBe(0);
    expect(new Set(last.values()).size).toBe(1); // every project got every round
    expect(dead.map((m) => m.key).sort()).toEqual([projects[1], projects[2]].sort());
    expect(dead.every((m) => Object.keys(m.headers).some((h) => /error/i.test(h)))).toBe(true);
    expect((await fetch(`${intake.url}/health/ready`)).status).toBe(200);
  }, 600_000);
});
