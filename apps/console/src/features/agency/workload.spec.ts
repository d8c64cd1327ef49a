import { describe, expect, it } from '@jest/globals';
import { byLoad, leastLoaded, reasonLength } from './workload';

const agent = (id: string, load: Partial<{ capacity: number; openDelegations: number; openTasks: number; overdueTasks: number }> = {}) => ({ id, capacity: 10, openDelegations: 0, openTasks: 0, overdueTasks: 0, ...load });

describe('the least loaded agent of the reassignment dialog', () => {
  it('puts agents under capacity first, then fewer open tasks', () => {
    const full = agent('a', { openTasks: 3, capacity: 3 });
    const busy = agent('b', { openTasks: 8 });
    const light = agent('c', { openTasks: 2 });
    expect(byLoad([full, busy, light]).map((a) => a.id)).toEqual(['c', 'b', 'a']);
  });

  it('breaks ties by overdue tasks, then open delegations, then id', () => {
    expect(byLoad([agent('m', { openTasks: 2, overdueTasks: 1 }), agent('z', { openTasks: 2 })]).map((a) => a.id)).toEqual(['z', 'm']);
    expect(byLoad([agent('m', { openDelegations: 3 }), agent('z', { openDelegations: 1 })]).map((a) => a.id)).toEqual(['z', 'm']);
    expect(byLoad([agent('m'), agent('k')]).map((a) => a.id)).toEqual(['k', 'm']);
  });

  it('never marks the current agent, and marks nobody when nobody else is there', () => {
    expect(leastLoaded([agent('a'), agent('b', { openTasks: 5 })], 'a')?.id).toBe('b');
    expect(leastLoaded([agent('a')], 'a')).toBeUndefined();
    expect(leastLoaded([], null)).toBeUndefined();
  });
});

describe('the length of a reason', () => {
  it('counts characters without the surrounding spaces', () => {
    expect(reasonLength('  休假 ')).toBe(2);
    expect(reasonLength('𠀀𠀀')).toBe(2);
    expect(reasonLength(undefined)).toBe(0);
  });
});
