import { previewOpenApiDocument } from '@devzone/platform';
import { answerOf, listEnvelopeProblems, schemasOf, type OpenApiDocument } from '@devzone/testing';
import { AppModule, SERVICE } from '../app.module';

describe('the agency OpenAPI document', () => {
  let document: OpenApiDocument;
  beforeAll(async () => {
    document = (await previewOpenApiDocument(AppModule, SERVICE)) as never;
  });
  const answer = (method: string, path: string, status?: string) => answerOf(document, method, path, status);

  it('declares every answer, answers lists in the one envelope, and no bare array', () => {
    expect(listEnvelopeProblems(document)).toEqual([]);
    expect(answer('get', '/agents')).toBe('AgentViewPage');
  });

  it('names each answer', () => {
    expect({
      delegation: answer('get', '/delegations/{id}'),
      ofProject: answer('get', '/projects/{projectId}/delegation'),
      progress: answer('get', '/projects/{projectId}/progress'),
      assign: answer('post', '/delegations/{id}/assign'),
      rating: answer('post', '/delegations/{id}/rating'),
      actions: answer('post', '/tasks/{id}/actions'),
      notes: answer('post', '/tasks/{id}/notes'),
      addAgent: answer('post', '/agents', '201'),
      addTeam: answer('post', '/teams', '201'),
      worklist: answer('get', '/agents/{id}/worklist'),
      load: answer('get', '/teams/{code}/load'),
      settings: answer('get', '/settings/zones/{zone}'),
      putSettings: answer('put', '/settings/zones/{zone}'),
    }).toEqual({
      delegation: 'DelegationView',
      ofProject: 'DelegationView',
      progress: 'ProgressView',
      assign: 'DelegationView',
      rating: 'DelegationView',
      actions: 'TaskView',
      notes: 'TaskView',
      addAgent: 'AgentView',
      addTeam: 'TeamView',
      worklist: 'WorklistView',
      load: 'TeamLoadView',
      settings: 'AgencySettingsView',
      putSettings: 'AgencySettingsView',
    });
  });

  it('declares the actions of a delegation and of a task as named enums', () => {
    const schemas = schemasOf(document);
    expect(schemas['DelegationAction'].enum).toEqual(['assign', 'rating']);
    expect(schemas['TaskAction'].enum).toEqual(['START', 'SUBMIT', 'ACCEPT', 'REVIEW', 'REQUEST_CORRECTIONS', 'APPROVE', 'REFUSE', 'DELIVER', 'notes']);
    expect(schemas['DelegationView'].properties?.['actions']).toMatchObject({ type: 'array', items: { $ref: '#/components/schemas/DelegationAction' } });
    expect(schemas['TaskView'].properties?.['actions']).toMatchObject({ type: 'array', items: { $ref: '#/components/schemas/TaskAction' } });
    expect(schemas['DelegationView'].required).toContain('actions');
  });

  it('asks a reassignment for its reason, keeps it in the history, and answers each agent with its load', () => {
    const schemas = schemasOf(document);
    expect(schemas['AssignRequest'].required).toEqual(expect.arrayContaining(['agentId', 'reason']));
    expect(schemas['AssignRequest'].properties?.['reason']).toMatchObject({ type: 'string', minLength: 2, maxLength: 200 });
    expect(schemas['AssignmentView'].required).toEqual(expect.arrayContaining(['reason', 'actorName', 'assignedAt']));
    expect(schemas['AgentView'].required).toEqual(expect.arrayContaining(['specialities', 'openDelegations', 'openTasks', 'overdueTasks']));
  });
});
