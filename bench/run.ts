/**
 * `npm run bench -- <name>`: prints figures, never asserts. See docs/benchmarks.md.
 *
 *   bootstrap    B1: a fresh station takes 100,000 SKUs; against the machine's floor
 *   propagation  B3: one price change at a time reaching 50 live stations; p50/p99/max
 *   ingest       B2 (server side): 10,000 sales drained in batches of 500, against the floor
 */
import { runBootstrap } from './bootstrap';
import { runPropagation } from './propagation';
import { runIngestBacklog } from './backlog-ingest';

const benches: Record<string, () => Promise<string[]>> = {
  bootstrap: runBootstrap,
  propagation: runPropagation,
  ingest: runIngestBacklog,
};

const name = process.argv[2];
const bench = name ? benches[name] : undefined;
if (!bench) {
  console.error(`usage: npm run bench -- <${Object.keys(benches).join('|')}> [options]`);
  process.exit(2);
}
const lines = await bench();
process.stdout.write(`\n${lines.join('\n')}\n`);
process.exit(0);
