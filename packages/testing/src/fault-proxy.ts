import net from 'node:net';

interface Rule {
  pathPrefix: string;
  afterBytes: number;
  action: 'cut' | 'hold';
  fired: () => void;
}

interface Connection {
  client: net.Socket;
  upstream: net.Socket;
  rule: Rule | undefined;
  responseBytes: number;
  held: boolean;
}

/**
 * A TCP proxy in front of a server that breaks HTTP responses on purpose, so tests can play a
 * server dying mid-stream or a network that drops: the station talks to `url`, the proxy to the
 * server. It reads request lines to know which response it is passing on (one request at a time
 * per connection, as HTTP/1.1 clients send them).
 */
export interface FaultProxy {
  url: string;
  /**
   * The next response to a request whose path starts with `pathPrefix` is forwarded for
   * `afterBytes` bytes (headers included) and then the connection is destroyed.
   */
  cutResponse(pathPrefix: string, afterBytes: number): Promise<void>;
  /**
   * Like `cutResponse`, but the connection stays open and silent after `afterBytes`: the station
   * waits, while the test can, say, kill the server. Closing the server side closes the station's.
   */
  holdResponse(pathPrefix: string, afterBytes: number): Promise<void>;
  /** Refuses every connection (and drops open ones) until unblocked: a network outage. */
  block(): void;
  unblock(): void;
  /** Points the proxy at another port (a restarted server). */
  retarget(port: number): void;
  close(): Promise<void>;
}

export async function createFaultProxy(targetPort: number): Promise<FaultProxy> {
  let port = targetPort;
  let blocked = false;
  const rules: Rule[] = [];
  const connections = new Set<Connection>();

  const server = net.createServer((client) => {
    if (blocked) {
      client.destroy();
      return;
    }
    const upstream = net.connect({ host: '127.0.0.1', port });
    const conn: Connection = { client, upstream, rule: undefined, responseBytes: 0, held: false };
    connections.add(conn);
    const end = () => {
      client.destroy();
      upstream.destroy();
      connections.delete(conn);
    };
    client.on('error', end);
    upstream.on('error', end);
    client.on('close', end);
    upstream.on('close', end);
    client.on('data', (chunk: Buffer) => {
      const match = /^(GET|POST|PUT|PATCH|DELETE|HEAD) (\S+) HTTP\/1\.[01]/.exec(
        chunk.toString('latin1', 0, 300),
      );
      if (match) {
        const path = match[2] ?? '';
        conn.responseBytes = 0;
        const index = rules.findIndex((r) => path.startsWith(r.pathPrefix));
        conn.rule = index >= 0 ? rules.splice(index, 1)[0] : undefined;
      }
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => {
      if (conn.held) return;
      const rule = conn.rule;
      if (!rule) {
        client.write(chunk);
        return;
      }
      const room = rule.afterBytes - conn.responseBytes;
      if (chunk.length <= room) {
        conn.responseBytes += chunk.length;
        client.write(chunk);
        return;
      }
      client.write(chunk.subarray(0, Math.max(0, room)));
      conn.held = true;
      rule.fired();
      if (rule.action === 'cut') {
        // Let the forwarded part leave before the connection goes.
        client.end(() => end());
        upstream.destroy();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as net.AddressInfo;

  const addRule = (pathPrefix: string, afterBytes: number, action: Rule['action']) =>
    new Promise<void>((resolve) => rules.push({ pathPrefix, afterBytes, action, fired: resolve }));

  return {
    url: `http://127.0.0.1:${address.port}`,
    cutResponse: (pathPrefix, afterBytes) => addRule(pathPrefix, afterBytes, 'cut'),
    holdResponse: (pathPrefix, afterBytes) => addRule(pathPrefix, afterBytes, 'hold'),
    block() {
      blocked = true;
      for (const conn of connections) {
        conn.client.destroy();
        conn.upstream.destroy();
      }
      connections.clear();
    },
    unblock() {
      blocked = false;
    },
    retarget(next) {
      port = next;
    },
    async close() {
      for (const conn of connections) {
        conn.client.destroy();
        conn.upstream.destroy();
      }
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
