/** Returns `lap(phase)`, which records in `timings` the milliseconds since the previous lap (or since now). */
export function phaseTimer(timings: Record<string, number>): (phase: string) => void {
  let last = performance.now();
  return (phase) => {
    const now = performance.now();
    timings[phase] = roundMs(now - last);
    last = now;
  };
}

/** Milliseconds, to a tenth. */
export function roundMs(ms: number): number {
  return Math.round(ms * 10) / 10;
}
