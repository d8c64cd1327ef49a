import { describe, expect, it } from '@jest/globals';
import { idChunks, PROJECTS_PER_REQUEST } from './projectsById';

describe('idChunks: the requests a page of rows makes for its projects', () => {
  const ids = (n: number) => Array.from({ length: n }, (_, i) => `p-${String(i).padStart(4, '0')}`);

  it('asks nothing for no rows, and one request for up to 100 projects, however many rows name them', () => {
    expect(idChunks([])).toEqual([]);
    expect(idChunks([...ids(3), ...ids(3)].reverse())).toEqual([ids(3)]);
    expect(idChunks(ids(PROJECTS_PER_REQUEST))).toHaveLength(1);
  });

  it('asks 5 requests for the 500 projects of 886 tasks, each id once, sorted', () => {
    const projects = ids(500);
    const rows = Array.from({ length: 886 }, (_, i) => projects[(i * 7) % 500]);
    const chunks = idChunks(rows);
    expect(chunks.map((c) => c.length)).toEqual([100, 100, 100, 100, 100]);
    expect(chunks.flat()).toEqual(projects);
  });
});
