import os from 'node:os';
import path from 'node:path';
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import type { StationStatus } from '@storelink/contracts';
import {
  DEFAULT_DATA_DIR,
  DEFAULT_LOCAL_PORT,
  pairStation,
  readAgentInfo,
  readIdentity,
  readOfflineStatus,
  runStation,
  ServerUnreachable,
  SyncHttpError,
} from '@storelink/station';
import { parsePort, parseServerUrl } from '../options';
import { describeStatus } from './station-status';

interface PairCommandOptions {
  server: string;
  code: string;
  dataDir: string;
  hostname: string;
}

interface RunCommandOptions {
  dataDir: string;
  port: number;
  logLevel: string;
  retryMaxMs?: number;
}

function parseRetryMs(value: string): number {
  const ms = Number(value);
  if (!Number.isInteger(ms) || ms < 10 || ms > 3_600_000)
    throw new Error('--retry-max-ms takes 10 to 3600000.');
  return ms;
}

/** Turns sync failures into one line a person can act on. */
function explain(error: unknown): Error {
  if (error instanceof SyncHttpError) return new Error(`${error.detail} (${error.code})`);
  if (error instanceof ServerUnreachable) return new Error(error.message);
  return error instanceof Error ? error : new Error(String(error));
}

export function registerStationCommand(program: Command): void {
  const station = program
    .command('station')
    .description('Run and manage a sales station: pair it, run its agent, see its sync status.');

  station
    .command('pair')
    .description('Pair this station with the back office using a one-time code, and load its catalog.')
    .requiredOption('--server <url>', 'the back office base URL, e.g. http://127.0.0.1:8080', parseServerUrl)
    .requiredOption('--code <code>', 'the 8-character pairing code the back office issued')
    .option('--data-dir <dir>', 'where the station keeps its database and identity', DEFAULT_DATA_DIR)
    .option('--hostname <name>', 'the name this register reports', os.hostname())
    .action(async (options: PairCommandOptions) => {
      if (!/^[0-9A-Za-z-]{8,9}$/.test(options.code.trim())) {
        throw new Error('--code must be the 8-character pairing code shown in the back office.');
      }
      const bar = new cliProgress.SingleBar(
        { format: '  Loading catalog [{bar}] {percentage}% | {value}/{total} records', hideCursor: true },
        cliProgress.Presets.shades_classic,
      );
      let started = false;
      let outcome;
      try {
        outcome = await pairStation({
          serverUrl: options.server,
          code: options.code.trim(),
          dataDir: options.dataDir,
          hostname: options.hostname,
          onProgress: ({ loaded, total }) => {
            if (!started) {
              started = true;
              process.stdout.write(`Paired. Loading the catalog from ${options.server}\n`);
              bar.start(Math.max(total, 1), 0);
            }
            bar.setTotal(Math.max(total, 1));
            bar.update(loaded);
          },
        });
      } catch (error) {
        if (started) bar.stop();
        const paired = readIdentity(options.dataDir);
        const prefix = paired ? 'paired, but the first catalog load failed' : 'pairing failed';
        throw new Error(
          `${prefix}: ${explain(error).message}${paired ? ' `storelink station run` will retry it.' : ''}`,
        );
      }
      if (started) bar.stop();
      const { pair } = outcome;
      const lines = [
        `Station ${pair.stationCode} paired with ${options.server} (incarnation ${pair.incarnation}).`,
      ];
      if (outcome.kind === 'ready') {
        lines.push(`Catalog ready: ${outcome.snapshot.rows} record(s) at cursor ${outcome.snapshot.cursor}.`);
      } else {
        lines.push(`The server does not sync this station now: ${outcome.error.detail}`);
      }
      lines.push(`Next: storelink station run --data-dir ${options.dataDir}`);
      process.stdout.write(lines.join('\n') + '\n');
    });

  station
    .command('run')
    .description('Run the station agent: sync with the back office and serve the local API on 127.0.0.1.')
    .option('--data-dir <dir>', 'the station data directory', DEFAULT_DATA_DIR)
    .option(
      '--port <port>',
      'local API port on 127.0.0.1 (0 picks a free one)',
      parsePort,
      DEFAULT_LOCAL_PORT,
    )
    .option('--log-level <level>', 'fatal, error, warn, info, debug', 'info')
    .option(
      '--retry-max-ms <ms>',
      'longest wait between retries after a failure (default 30000)',
      parseRetryMs,
    )
    .action(async (options: RunCommandOptions) => {
      const running = await runStation({
        dataDir: options.dataDir,
        port: options.port,
        logger: { level: options.logLevel },
        ...(options.retryMaxMs ? { backoff: { maxMs: options.retryMaxMs } } : {}),
      }).catch((error: unknown) => {
        throw explain(error);
      });
      process.stdout.write(
        [
          `Station ${running.identity.stationCode} is running (server ${running.identity.serverUrl}).`,
          `Local API: ${running.url}/local/v1`,
          'Press Ctrl-C to stop.',
          '',
        ].join('\n'),
      );
      const stop = async () => {
        await running.close();
        process.exit(0);
      };
      process.once('SIGINT', () => void stop());
      process.once('SIGTERM', () => void stop());
    });

  station
    .command('status')
    .description(
      'Show whether the station syncs: online or not, cursor, data age, outbox, version, last error.',
    )
    .option('--data-dir <dir>', 'the station data directory', DEFAULT_DATA_DIR)
    .option('--json', 'print the status as JSON (the local API shape)')
    .action(async (options: { dataDir: string; json?: boolean }) => {
      const identity = readIdentity(options.dataDir);
      if (!identity) {
        throw new Error(
          `No station is paired in ${path.resolve(options.dataDir)}. Run: storelink station pair --server URL --code CODE`,
        );
      }
      const agent = readAgentInfo(options.dataDir);
      let status: StationStatus | undefined;
      if (agent) {
        try {
          const res = await fetch(`${agent.url}/local/v1/status`, { signal: AbortSignal.timeout(2000) });
          if (res.ok) status = (await res.json()) as StationStatus;
        } catch {
          // the agent file is stale: the agent is not running
        }
      }
      const running = status !== undefined;
      status ??= readOfflineStatus(options.dataDir);
      if (!status) throw new Error('The station data directory has no status.');
      if (options.json) {
        process.stdout.write(JSON.stringify({ ...status, agentRunning: running }, null, 2) + '\n');
        return;
      }
      process.stdout.write(
        describeStatus(status, { identity, agentUrl: running ? agent?.url : undefined, now: new Date() }) +
          '\n',
      );
    });
}
