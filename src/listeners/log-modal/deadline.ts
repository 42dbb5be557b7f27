// Bounds a slow lookup so a listener still answers Slack within its 3-second deadline.

/** Resolves with the promise's value, or `fallback` once `ms` have passed (the promise keeps running). */
export async function withDeadline<T, F>(promise: Promise<T>, ms: number, fallback: F): Promise<T | F> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<F>((resolve) => {
    timer = setTimeout(() => resolve(fallback), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
