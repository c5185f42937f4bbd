/**
 * Hosts several station agents in one process for the propagation benchmark: each has its own
 * data directory (own SQLite database, identity, sync engine, live stream and local API). Prints
 * `ready <index>` once an agent's live stream is up and `applied <index> <cursor> <epochMs>` right
 * after each change page it commits.
 *
 *   tsx bench/station-host.ts <firstIndex> <dataDir>...
 */
import { runStation, type RunningStation } from '@storelink/station';

const first = Number(process.argv[2]);
const dirs = process.argv.slice(3);
const now = () => performance.timeOrigin + performance.now();
const running: RunningStation[] = [];

for (const [offset, dataDir] of dirs.entries()) {
  const index = first + offset;
  const station = await runStation({
    dataDir,
    port: 0,
    backoff: { baseMs: 50, maxMs: 500 },
    onApplied: (result) => {
      if (result.applied > 0) process.stdout.write(`applied ${index} ${result.cursor} ${now().toFixed(3)}\n`);
    },
  });
  running.push(station);
  void (async () => {
    while (!station.engine.streaming) await new Promise((resolve) => setTimeout(resolve, 20));
    process.stdout.write(`ready ${index}\n`);
  })();
}

const stop = async () => {
  for (const station of running) await station.close();
  process.exit(0);
};
process.once('SIGTERM', () => void stop());
process.once('SIGINT', () => void stop());
