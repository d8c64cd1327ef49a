import { Controller, Get, Module, Query } from '@nestjs/common';
import { ApiOkResponse, ApiProperty } from '@nestjs/swagger';
import { listEnvelopeProblems, type OpenApiDocument } from '@devzone/testing';
import { PageOf, previewOpenApiDocument } from './openapi';
import { PageQuery } from './page';

class ThingView {
  @ApiProperty() code!: string;
}
class EntriesView {
  @ApiProperty({ type: [ThingView] }) entries!: ThingView[];
  @ApiProperty() total!: number;
}

@Controller()
class ThingsController {
  @Get('things')
  @ApiOkResponse({ type: PageOf(ThingView) })
  things(@Query() _q: PageQuery) {
    return null;
  }
  @Get('bare')
  @ApiOkResponse({ type: [ThingView] })
  bare() {
    return null;
  }
  @Get('entries')
  @ApiOkResponse({ type: EntriesView })
  entries(@Query() _q: PageQuery) {
    return null;
  }
  @Get('undeclared')
  undeclared() {
    return null;
  }
}
@Module({ controllers: [ThingsController] })
class ThingsModule {}

describe('the OpenAPI document', () => {
  let document: OpenApiDocument;
  beforeAll(async () => {
    document = (await previewOpenApiDocument(ThingsModule, { title: 'things' })) as never;
  });

  it('declares a list as { items, total, page, pageSize }, one class per item type', () => {
    expect(PageOf(ThingView)).toBe(PageOf(ThingView));
    expect(PageOf(ThingView).name).toBe('ThingViewPage');
    expect(listEnvelopeProblems(document).filter((p) => p.includes('/things'))).toEqual([]);
  });

  it('finds a bare array, "entries", a total beside other keys and an undeclared answer', () => {
    expect(listEnvelopeProblems(document).sort()).toEqual([
      'GET /bare: answers a bare array, not { items, total, page, pageSize }',
      'GET /entries: a list answer must be exactly { items, total, page, pageSize }, not { entries, total }',
      'GET /entries: answers "entries", not "items"',
      'GET /entries: takes page/pageSize but does not answer { items, total, page, pageSize }',
      'GET /undeclared: 200 has no schema',
    ]);
  });

  it('gives every route the common errors in the ErrorBody shape', () => {
    const responses = document.paths['/things']['get'].responses ?? {};
    expect(Object.keys(responses).sort()).toEqual(['200', '400', '401', '403', '429', '503']);
    expect(responses['409']).toBeUndefined();
    expect(responses['400'].content).toEqual({ 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } });
  });
});
