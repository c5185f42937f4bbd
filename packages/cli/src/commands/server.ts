import fs from 'node:fs';
import type { Command } from 'commander';
import { parsePort } from '../options';

interface ServerCommandOptions {
  port: number;
  host: string;
  databaseUrl?: string;
  dataDir: string;
  tlsCert?: string;
  tlsKey?: string;
  trustProxy?: boolean;
  logLevel: string;
}

export function registerServerCommand(program: Command): void {
  program
    .command('server')
    .description('Run the back office: HTTP API, sync endpoints and console.')
    .option('--port <port>', 'port to listen on', parsePort, 8080)
    .option('--host <host>', 'address to bind', '127.0.0.1')
    .option('--database-url <url>', 'PostgreSQL URL (default: $DATABASE_URL, else embedded SQLite)')
    .option('--data-dir <dir>', 'where embedded SQLite keeps its files', './storelink-data')
    .option('--tls-cert <file>', 'TLS certificate (PEM); serve HTTPS with --tls-key')
    .option('--tls-key <file>', 'TLS private key (PEM)')
    .option('--trust-proxy', 'trust X-Forwarded-* headers from a reverse proxy')
    .option('--log-level <level>', 'fatal, error, warn, info, debug', 'info')
    .addHelpText(
      'after',
      '\nThe first start creates the user "admin" with $STORELINK_ADMIN_PASSWORD, or prints a generated password once.',
    )
    .action(async (options: ServerCommandOptions) => {
      if (Boolean(options.tlsCert) !== Boolean(options.tlsKey)) {
        throw new Error('--tls-cert and --tls-key go together: give both or neither.');
      }
      // Loaded here, not at the top: other commands (import, station) start without the server code.
      const { startServer } = await import('@storelink/server');
      const server = await startServer({
        port: options.port,
        host: options.host,
        databaseUrl: options.databaseUrl ?? process.env.DATABASE_URL,
        dataDir: options.dataDir,
        adminPassword: process.env.STORELINK_ADMIN_PASSWORD,
        logger: { level: options.logLevel },
        trustProxy: options.trustProxy ?? false,
        https:
          options.tlsCert && options.tlsKey
            ? { cert: fs.readFileSync(options.tlsCert), key: fs.readFileSync(options.tlsKey) }
            : undefined,
      });
      const lines = [
        '',
        `  storelink back office is running on ${server.dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL'} (${server.databaseLocation})`,
        '',
        `  Console:  ${server.url}/`,
        `  API:      ${server.url}/api/v1   (OpenAPI: ${server.url}/openapi.json, docs: ${server.url}/docs)`,
      ];
      if (server.generatedAdminPassword) {
        lines.push(
          '',
          `  First start: log in as admin / ${server.generatedAdminPassword}`,
          '  (shown only now: write it down)',
        );
      } else if (server.adminCreated) {
        lines.push('', '  First start: log in as admin with $STORELINK_ADMIN_PASSWORD');
      }
      lines.push('', '  Press Ctrl-C to stop.', '');
      process.stdout.write(lines.join('\n') + '\n');

      const stop = async () => {
        process.stdout.write('\nStopping storelink server...\n');
        await server.close();
        process.exit(0);
      };
      process.once('SIGINT', () => void stop());
      process.once('SIGTERM', () => void stop());
    });
}
