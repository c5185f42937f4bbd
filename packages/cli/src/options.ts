import { InvalidArgumentError } from 'commander';

/** Parses a TCP port, refusing anything that is not 0–65535. */
export function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new InvalidArgumentError('must be a whole number from 0 to 65535.');
  }
  return port;
}

export function parseServerUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InvalidArgumentError('must be a base URL such as http://127.0.0.1:8080.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InvalidArgumentError('must start with http:// or https://.');
  }
  return url.origin;
}
