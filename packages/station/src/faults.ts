/**
 * Named fault points for crash tests (the chaos suite's "kill -9 mid-apply"). When the
 * environment variable STORELINK_FAULT names a point, the process kills itself with SIGKILL the
 * first time it reaches it: no cleanup runs, exactly as if the register lost power mid-operation.
 * Without the variable this is one string comparison.
 */
export type FaultPoint = 'mid-apply' | 'mid-snapshot-load' | 'before-snapshot-swap';

export function faultPoint(point: FaultPoint): void {
  if (process.env.STORELINK_FAULT === point) process.kill(process.pid, 'SIGKILL');
}
