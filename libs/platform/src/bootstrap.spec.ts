import { byteSize } from './bootstrap';

describe('HTTP_BODY_LIMIT sizes', () => {
  it('reads bytes, kb and mb, and refuses anything else with the variable named', () => {
    expect(byteSize('256kb')).toBe(262_144);
    expect(byteSize('1MB')).toBe(1_048_576);
    expect(byteSize('5000')).toBe(5000);
    expect(() => byteSize('lots')).toThrow(/HTTP_BODY_LIMIT/);
  });
});
