// One way to time a query for every benchmark: a warm-up run (connections, plans), then
// five timed runs; the median is the figure to report.
export async function measure(
  run: () => Promise<unknown>,
  samples = 5,
): Promise<{ median: number; min: number; max: number }> {
  await run();
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const t0 = performance.now();
    await run();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(samples / 2)] ?? 0, min: times[0] ?? 0, max: times[samples - 1] ?? 0 };
}
