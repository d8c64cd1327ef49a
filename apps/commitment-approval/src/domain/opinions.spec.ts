import { decisionAct, isOpinion, OPINION_MESSAGE, RECORDED_ACT_ZH, RECORDED_ACTS } from './opinions';

describe('审查意见 (the opinion every act with legal effect is taken with)', () => {
  it('takes 2–500 characters once trimmed, counting 汉字 as one each', () => {
    expect(isOpinion('同意')).toBe(true);
    expect(isOpinion('  同意  ')).toBe(true);
    expect(isOpinion('意'.repeat(500))).toBe(true);
    expect(isOpinion('𠀀'.repeat(500))).toBe(true); // outside the BMP: two UTF-16 units, one character
    expect(isOpinion('意'.repeat(501))).toBe(false);
    expect(isOpinion('好')).toBe(false);
    expect(isOpinion('   ')).toBe(false);
    expect(isOpinion('')).toBe(false);
    expect(isOpinion(undefined)).toBe(false);
    expect(isOpinion(42)).toBe(false);
  });

  it('names the field in Chinese first, English alongside', () => {
    expect(OPINION_MESSAGE).toBe('opinion 审查意见为必填，2–500 字 (opinion is required: 2–500 characters)');
  });

  it('records a 不予许可 before 受理 as 不予受理, and every other decision as itself', () => {
    expect(decisionAct('reject', 'APPLIED')).toBe('application-refused');
    expect(decisionAct('reject', 'ACCEPTED')).toBe('reject');
    expect(decisionAct('reject', 'CORRECTIONS_REQUESTED')).toBe('reject');
    expect(decisionAct('grant', 'ACCEPTED')).toBe('grant');
    expect(decisionAct('grant-with-missing-documents', 'ACCEPTED')).toBe('grant-with-missing-documents');
    expect(decisionAct('request-corrections', 'ACCEPTED')).toBe('request-corrections');
  });

  it('names every act in Chinese', () => {
    expect(RECORDED_ACTS.filter((a) => !RECORDED_ACT_ZH[a])).toEqual([]);
    expect(new Set(Object.values(RECORDED_ACT_ZH)).size).toBe(RECORDED_ACTS.length);
  });
});
