/**
 * Polls `assertion` until it stops throwing or the deadline passes; then throws
 * its last error. The way tests wait on asynchronous effects (never fixed sleeps).
 */
export async function eventually<T>(assertion: () => T | Promise<T>, { timeoutMs = 20_000, intervalMs = 50 } = {}): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await assertion();
    } catch (error) {
      if (Date.now() >= deadline) {
        (error as Error).message = `still failing after ${timeoutMs} ms: ${(error as Error).message}`;
        throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }
}
