import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ROLES_KEY, type Principal } from '@devzone/auth';
import { PROJECT_ACTIONS, PROJECT_COMMANDS, REGISTER_PROJECT_ROLES, type ProjectAction } from '../domain/permissions';
import type { ProjectLifecycleService } from '../application/project-lifecycle.service';
import type { ProjectQueries } from '../application/project-queries.service';
import { ProjectsController } from './projects.http.controller';

type Handler = (...args: unknown[]) => unknown;
const admin: Principal = { sub: 'admin-1', name: '管理员', role: 'admin', zones: [] };
const prototype = ProjectsController.prototype as unknown as Record<string, Handler>;
const handlers = Object.getOwnPropertyNames(prototype)
  .filter((name) => name !== 'constructor')
  .map((name) => ({ name, handler: prototype[name], path: Reflect.getMetadata(PATH_METADATA, prototype[name]) as string, method: Reflect.getMetadata(METHOD_METADATA, prototype[name]) as RequestMethod }));

describe('ProjectsController: the routes’ roles are the ones ProjectView.actions is computed from', () => {
  const commands = handlers.filter((h) => h.method === RequestMethod.POST && /^:id\/[a-z-]+$/.test(h.path));

  it('has one command route per action, named by its last path segment', () => {
    expect(commands.map((h) => h.path.replace(':id/', '')).sort()).toEqual([...PROJECT_ACTIONS].sort());
  });

  it.each(commands.map((h) => [h.path, h] as const))('POST /projects/%s admits exactly the roles of its action, and fires that action', async (_path, h) => {
    const action = h.path.replace(':id/', '') as ProjectAction;
    expect(Reflect.getMetadata(ROLES_KEY, h.handler)).toEqual([...PROJECT_COMMANDS[action].roles]);
    const calls: unknown[][] = [];
    const lifecycle = { report: async (...args: unknown[]) => calls.push(args) } as unknown as ProjectLifecycleService;
    await h.handler.call(new ProjectsController(lifecycle, {} as ProjectQueries), 'p-1', {}, { id: 'x', role: 'admin' }, admin);
    expect(calls).toHaveLength(1);
    expect(calls[0][1]).toBe(action);
  });

  it('lets officers and administrators register, and every signed-in role read (scoped in the queries)', () => {
    const register = handlers.find((h) => h.method === RequestMethod.POST && h.path === '/')!;
    expect(Reflect.getMetadata(ROLES_KEY, register.handler)).toEqual([...REGISTER_PROJECT_ROLES]);
    for (const read of handlers.filter((h) => h.method === RequestMethod.GET)) expect(Reflect.getMetadata(ROLES_KEY, read.handler)).toBeUndefined();
  });
});
