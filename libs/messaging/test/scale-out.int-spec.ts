import type { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AssignerProtocol } from 'kafkajs';
import { createTestDatabase, dropTestDatabase, eventually, testKafka, uniqueName, waitForGroupStable } from '@devzone/testing';
import { effects, startTestService, Writer } from './counter-services';

/**
 * Scale-out (issue 15): two replicas of one consuming service (one consumer
 * group, one database) share the topic's partitions. Events keep flowing while
 * the second replica joins and while the first one leaves; both rebalances
 * happen mid-stream. Each project's events are applied in order and none twice.
 */
describe('two replicas of a consumer service', () => {
  const name = uniqueName('so');
  const prefix = `${name}.`;
  const group = `${prefix}counter`;
  const COUNTERS = 60;
  const STEPS = 25;
  let writer: INestApplication;
  let replicaA: INestApplication | undefined;
  let replicaB: INestApplication | undefined;
  let counterDb: string;

  beforeAll(async () => {
    const [writerDb, sharedDb] = await Promise.all([createTestDatabase(`${name}_w`), createTestDatabase(`${name}_c`)]);
    writer = await startTestService({ service: 'writer', role: 'writer', databaseUrl: writerDb, topicPrefix: prefix, partitions: 6 });
    counterDb = sharedDb; // B shares A's database, as a second pod of the same service would
    replicaA = await startTestService({ service: 'counter', replica: 'counter-a', role: 'counter', databaseUrl: counterDb, topicPrefix: prefix, partitions: 6 });
    const admin = testKafka().admin();
    await admin.connect();
    await waitForGroupStable(admin, group);
    await admin.disconnect();
  });

  afterAll(async () => {
    await replicaB?.close();
    await replicaA?.close();
    await writer?.close();
    await Promise.all([dropTestDatabase(`${name}_w`), dropTestDatabase(`${name}_c`)]);
  });

  /** Partitions per member of the group, once it is stable with `members` members. */
  async function assignment(members: number): Promise<number[]> {
    const admin = testKafka().admin();
    await admin.connect();
    try {
      await waitForGroupStable(admin, group, { members });
      const { groups } = await admin.describeGroups([group]);
      return groups[0].members.map((m) => {
        const decoded = AssignerProtocol.MemberAssignment.decode(m.memberAssignment);
        return Object.values(decoded?.assignment ?? {}).reduce((n, partitions) => n + partitions.length, 0);
      });
    } finally {
      await admin.disconnect();
    }
  }

  it('shares the partitions, keeps each project’s order and applies nothing twice across two rebalances', async () => {
    const counters = Array.from({ length: COUNTERS }, () => randomUUID());
    // Step s of every counter, interleaved: one "round" of steps per chunk.
    const round = (step: number) => counters.map((counterId) => ({ counterId, step }));
    const write = async (from: number, to: number) => {
      for (let step = from; step <= to; step++) await writer.get(Writer).steps(round(step), 30);
    };
    const mine = new Set<string>(counters);
    const applied = async () => (await effects(replicaB ?? replicaA!)).filter((e) => mine.has(e.counter_id));

    await write(1, 8);
    // Replica B joins while A is still working through the first steps.
    replicaB = await startTestService({ service: 'counter', replica: 'counter-b', role: 'counter', databaseUrl: counterDb, topicPrefix: prefix, partitions: 6 });
    const shared = await assignment(2);
    expect(shared.sort()).toEqual([3, 3]);
    await write(9, 17);
    await eventually(async () => expect((await applied()).length).toBe(17 * COUNTERS), { timeoutMs: 60_000 });
    const whileShared = await applied();
    expect(new Set(whileShared.map((e) => e.applied_by))).toEqual(new Set(['counter-a', 'counter-b']));

    // Replica A leaves mid-stream: B takes every partition and carries on.
    await Promise.all([write(18, 21), replicaA!.close()]);
    replicaA = undefined;
    await write(22, STEPS);
    expect(await assignment(1)).toEqual([6]);

    const all = await eventually(
      async () => {
        const rows = await applied();
        expect(rows).toHaveLength(COUNTERS * STEPS);
        return rows;
      },
      { timeoutMs: 60_000 },
    );
    expect(new Set(all.map((e) => e.event_id)).size).toBe(COUNTERS * STEPS);
    for (const counterId of counters) {
      expect(all.filter((e) => e.counter_id === counterId).map((e) => e.step)).toEqual(Array.from({ length: STEPS }, (_, i) => i + 1));
    }
    // Everything written after A had gone was applied by B.
    expect(all.filter((e) => e.step >= 22).every((e) => e.applied_by === 'counter-b')).toBe(true);
  });
});
