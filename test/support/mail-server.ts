import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';

export interface ReceivedMail {
  envelope: { from: string; to: string[] };
  user: string | null;
  raw: string;
  parsed: ParsedMail;
}

/**
 * A real SMTP server on loopback (smtp-server): it takes what Redress sends and keeps every message, parsed
 * (mailparser). With `auth`, only that user/password may send. `reject` makes it answer an SMTP error instead.
 */
export async function startSmtpServer(options: { auth?: { user: string; pass: string }; extra?: Partial<SMTPServerOptions> } = {}) {
  const messages: ReceivedMail[] = [];
  const state = { reject: null as null | { code: number; message: string } };
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', ...(options.auth ? [] : ['AUTH'])],
    authOptional: !options.auth,
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (options.auth && auth.username === options.auth.user && auth.password === options.auth.pass)
        return callback(null, { user: auth.username });
      return callback(new Error('Invalid username or password'));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', async () => {
        if (state.reject) {
          const error = new Error(state.reject.message) as Error & { responseCode: number };
          error.responseCode = state.reject.code;
          return callback(error);
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        messages.push({
          envelope: {
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
          },
          user: (session.user as string | undefined) ?? null,
          raw,
          parsed: await simpleParser(raw),
        });
        callback();
      });
    },
    ...options.extra,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { port, messages, state, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

export interface ReceivedRequest {
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
  status: number;
}

/** A local HTTP receiver (SMS provider, webhook endpoint). `respond` decides the status per request (default 200). */
export async function startHttpReceiver(respond: (request: Omit<ReceivedRequest, 'status'>) => number | Promise<number> = () => 200) {
  const requests: ReceivedRequest[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', async () => {
      const request = { path: req.url ?? '/', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      const status = await respond(request);
      requests.push({ ...request, status });
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ messageId: `m-${requests.length}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
