import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import path from 'node:path';
import { Transform, pipeline, type TransformCallback } from 'node:stream';
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import type { ImportResult, LoginResponse, Problem } from '@storelink/contracts';
import { parseServerUrl } from '../options';

interface ImportCommandOptions {
  server: string;
  user: string;
}

/** How many of the server's row errors the command prints; the rest are counted. */
const PRINTED_ERRORS = 20;

/** Exit code when the file was imported but some rows were refused: scripts can tell. */
export const EXIT_ROWS_FAILED = 2;

const contentTypes: Record<string, string> = {
  '.csv': 'text/csv',
  '.ndjson': 'application/x-ndjson',
  '.jsonl': 'application/x-ndjson',
};

export function registerImportCommand(program: Command): void {
  const command = program.command('import').description('Bulk-import master data into the back office.');
  command
    .command('products')
    .description('Upsert products and SKUs by code from a CSV or NDJSON file, streamed, with a progress bar.')
    .argument('<file>', 'a .csv file (one row per SKU) or an .ndjson/.jsonl file (one product per line)')
    .requiredOption('--server <url>', 'back office base URL, e.g. http://127.0.0.1:8080', parseServerUrl)
    .requiredOption('--user <name>', 'back office user to log in as (role admin or operator)')
    .addHelpText(
      'after',
      [
        '',
        'The password is read from $STORELINK_PASSWORD, or asked for (not echoed) in a terminal.',
        'CSV header: productCode,productName,brand,category,skuCode,color,size,barcodes,active',
        '  (barcodes separated by ";", active true/false/1/0, empty = true).',
        '',
        'Exit codes: 0 every row imported; 2 imported, but some rows were refused (listed with',
        'their line numbers); 1 nothing imported (bad file, server unreachable, wrong password).',
      ].join('\n'),
    )
    .action(async (file: string, options: ImportCommandOptions) => {
      const contentType = contentTypes[path.extname(file).toLowerCase()];
      if (!contentType) {
        throw new Error(`${file}: the file name must end in .csv, .ndjson or .jsonl, to tell its format.`);
      }
      const sizeBytes = fileSizeOf(file);
      const password = await readPassword(options.user);
      const token = await logIn(options.server, options.user, password);
      const result = await uploadFile(`${options.server}/api/v1/products/import`, file, sizeBytes, {
        contentType,
        token,
      });
      printResult(file, result);
      if (result.failed > 0) process.exitCode = EXIT_ROWS_FAILED;
    });
}

function fileSizeOf(file: string): number {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(`cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : String(code)}.`, {
      cause: error,
    });
  }
  if (!stat.isFile()) throw new Error(`${file} is not a file.`);
  return stat.size;
}

async function readPassword(user: string): Promise<string> {
  const fromEnv = process.env.STORELINK_PASSWORD;
  if (fromEnv) return fromEnv;
  if (!process.stdin.isTTY) {
    throw new Error(
      'no password: set STORELINK_PASSWORD, or run the command in a terminal to be asked for it.',
    );
  }
  return promptHidden(`Password for ${user}: `);
}

/** Reads a line from the terminal without echoing it. */
function promptHidden(question: string): Promise<string> {
  const stdin = process.stdin;
  process.stderr.write(question);
  stdin.setRawMode(true);
  stdin.setEncoding('utf8');
  stdin.resume();
  return new Promise((resolve, reject) => {
    let typed = '';
    const finish = () => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') {
          finish();
          resolve(typed);
          return;
        }
        if (char === '\u0003' || char === '\u0004') {
          finish();
          reject(new Error('cancelled.'));
          return;
        }
        typed = char === '\u007f' || char === '\b' ? typed.slice(0, -1) : typed + char;
      }
    };
    stdin.on('data', onData);
  });
}

async function logIn(server: string, username: string, password: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(`${server}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
  } catch (error) {
    throw unreachable(server, error);
  }
  const body = (await response.json().catch(() => ({}))) as Partial<LoginResponse & Problem>;
  if (response.status === 401) throw new Error(`login as ${username} failed: wrong username or password.`);
  if (!response.ok || typeof body.token !== 'string') {
    throw new Error(`login as ${username} failed: ${body.detail ?? `HTTP ${response.status}`}`);
  }
  return body.token;
}

function unreachable(server: string, error: unknown): Error {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const reason = cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
  return new Error(
    `cannot reach the server at ${server} (${reason}). Check --server and that it is running.`,
    {
      cause: error,
    },
  );
}

/** Counts the bytes that go by, for the progress bar. */
class ByteCounter extends Transform {
  constructor(private readonly onBytes: (bytes: number) => void) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.onBytes(chunk.length);
    callback(null, chunk);
  }
}

/**
 * Streams the file as the request body (never holding it whole), with its length declared so
 * the server can refuse an oversized file before it is sent. The progress bar counts bytes sent.
 */
function uploadFile(
  url: string,
  file: string,
  sizeBytes: number,
  options: { contentType: string; token: string },
): Promise<ImportResult> {
  const target = new URL(url);
  const client = target.protocol === 'https:' ? https : http;
  const bar = new cliProgress.SingleBar(
    {
      format: 'Importing |{bar}| {percentage}% | {sentMiB}/{totalMiB} MiB',
      stream: process.stderr,
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  const toMiB = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
  let sent = 0;
  bar.start(sizeBytes, 0, { sentMiB: toMiB(0), totalMiB: toMiB(sizeBytes) });

  return new Promise<ImportResult>((resolve, reject) => {
    let isAnswered = false;
    const fail = (error: Error) => {
      bar.stop();
      reject(error);
    };
    const request = client.request(target, {
      method: 'POST',
      headers: {
        'content-type': options.contentType,
        'content-length': String(sizeBytes),
        authorization: `Bearer ${options.token}`,
      },
    });
    request.on('response', (response) => {
      isAnswered = true;
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', (error) => fail(new Error(`the answer was cut short: ${error.message}`)));
      response.on('end', () => {
        bar.stop();
        const text = Buffer.concat(chunks).toString('utf8');
        let body: unknown;
        try {
          body = JSON.parse(text);
        } catch {
          fail(new Error(`the server answered HTTP ${response.statusCode ?? '?'} with no JSON.`));
          return;
        }
        if (response.statusCode === 200) {
          resolve(body as ImportResult);
          return;
        }
        const problem = body as Partial<Problem>;
        reject(
          new Error(`the server refused the file: ${problem.detail ?? `HTTP ${response.statusCode ?? '?'}`}`),
        );
      });
    });
    const counter = new ByteCounter((bytes) => {
      sent += bytes;
      bar.update(sent, { sentMiB: toMiB(sent) });
    });
    pipeline(fs.createReadStream(file), counter, request, (error) => {
      if (!error && !isAnswered && process.stderr.isTTY) {
        bar.stop();
        process.stderr.write('File sent; the server is writing the last rows…\n');
      }
      // A server that refuses early (413, 401) closes the connection while the file is still
      // going up: its answer, not the broken pipe, is what the user needs to see.
      if (!error || isAnswered) return;
      setTimeout(() => {
        if (!isAnswered) fail(unreachable(`${target.protocol}//${target.host}`, { cause: error }));
      }, 1000);
    });
  });
}

function printResult(file: string, result: ImportResult): void {
  const lines = [
    `${path.basename(file)}: ${result.received} rows received, ${result.upserted} upserted, ${result.failed} failed.`,
  ];
  for (const error of result.errors.slice(0, PRINTED_ERRORS)) {
    lines.push(`  line ${error.line}: ${error.code}: ${error.detail}`);
  }
  const unprinted = result.failed - Math.min(result.errors.length, PRINTED_ERRORS);
  if (unprinted > 0) lines.push(`  … and ${unprinted} more refused rows.`);
  process.stdout.write(lines.join('\n') + '\n');
}
