// A bounded task queue: at most `limit` tasks run at once, started in the order they were queued.

export type Limiter = <T>(task: () => Promise<T>) => Promise<T>;

export function createLimiter(limit: number): Limiter {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    // a finishing task hands its slot straight to the next waiter, so the count never overshoots
    if (active >= limit) await new Promise<void>((resume) => waiting.push(resume));
    else active++;
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else active--;
    }
  };
}
