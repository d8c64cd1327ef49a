import { describe, expect, it } from '@jest/globals';
import { ApiError } from './api';
import { zhText } from './zh';

describe('what the console shows of the services\' answers', () => {
  it.each([
    ['请求参数不合法 (invalid request)', '请求参数不合法'],
    ['案件不存在：c-1 (no case c-1)', '案件不存在：c-1'],
    ['承诺竣工日期不能早于承诺开工日期 (completion must not be before start)', '承诺竣工日期不能早于承诺开工日期'],
    ['地块不能发布：缺少区域评估（环评）(missing assessments (environment))', '地块不能发布：缺少区域评估（环评）'],
    ['committedDates.start 应为日期 YYYY-MM-DD (committedDates.start must be a date YYYY-MM-DD)', '应为日期 年-月-日格式'],
    ['name must be shorter than or equal to 200 characters', '长度不能超过 200 个字符'],
    ['score must not be greater than 5', '不能大于 5'],
    ['whatever else', '取值不合法'],
    ['项目代码（2611-140100-04-01-00123X）', '项目代码（2611-140100-04-01-00123X）'],
  ])('%s → %s', (text, shown) => {
    expect(zhText(text)).toBe(shown);
  });

  it('puts a refused request in Chinese: the message, each field reason, and a plain status when the service said nothing Chinese', () => {
    const e = new ApiError(400, { message: '请求参数不合法 (invalid request)', issues: [{ field: 'committedDates.completion', reason: '承诺竣工日期不能早于承诺开工日期 (completion must not be before start)' }] });
    expect(e.message).toBe('请求参数不合法');
    expect(e.issues).toEqual([{ field: 'committedDates.completion', reason: '承诺竣工日期不能早于承诺开工日期' }]);
    expect(new ApiError(404, { message: 'Cannot GET /nowhere', statusCode: 404 }).message).toBe('请求失败（404）');
    expect(new ApiError(502, null).message).toBe('请求失败（502）');
    expect(new ApiError(502, null).issues).toEqual([]);
  });
});
