// Slack's side of Socket Mode for the fake: greets a client with hello, sends envelopes and collects their acks.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer } from 'ws';
import { FAKE_SLACK_IDS } from './fake-slack-answers.js';
import { createWaitList } from './wait-list.js';

export type SocketEnvelopeType = 'slash_commands' | 'interactive' | 'events_api';

export type SocketEnvelope = {
  type: SocketEnvelopeType;
  payload: unknown;
  /** Default: true except for events_api, as Slack sends it. */
  accepts_response_payload?: boolean;
  /** Default: a fresh UUID. */
  envelope_id?: string;
  /** events_api only, as Slack sends them on redelivery. */
  retry_attempt?: number;
  retry_reason?: string;
};

/** The client's acknowledgement of one envelope; `payload` is what the listener passed to ack(). */
export type SocketAck = { envelope_id: string; payload?: unknown; elapsedMs: number };

export type FakeSocketServer = {
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void;
  sendEnvelope(envelope: SocketEnvelope, timeoutMs?: number): Promise<SocketAck>;
  waitForClient(timeoutMs: number): Promise<void>;
  clientCount(): number;
  acks: SocketAck[];
  clearAcks(): void;
  close(): Promise<void>;
};

const isAck = (message: unknown): message is { envelope_id: string; payload?: unknown } =>
  typeof message === 'object' &&
  message !== null &&
  typeof (message as { envelope_id?: unknown }).envelope_id === 'string';

/**
 * Completes the close handshake (answering a client that is already closing, as after Bolt's app.stop()), so the
 * client sees a clean close instead of a socket error; a client that does not answer is cut off after 500 ms.
 */
const closeGracefully = (client: WebSocket): Promise<void> =>
  new Promise((resolve) => {
    if (client.readyState === client.CLOSED) {
      resolve();
      return;
    }
    const timer = setTimeout(() => client.terminate(), 500);
    client.once('close', () => {
      clearTimeout(timer);
      resolve();
    });
    if (client.readyState === client.OPEN) client.close(1001, 'fake Slack closing');
  });

export const createFakeSocketServer = (): FakeSocketServer => {
  const server = new WebSocketServer({ noServer: true });
  const clients: WebSocket[] = [];
  const connections = createWaitList<WebSocket>();
  const acks = createWaitList<SocketAck & { receivedAt: number }>();

  server.on('connection', (client) => {
    clients.push(client);
    client.on('close', () => clients.splice(clients.indexOf(client), 1));
    client.on('message', (data, isBinary) => {
      if (isBinary) return;
      let message: unknown;
      try {
        message = JSON.parse(data.toString());
      } catch {
        return;
      }
      if (isAck(message)) acks.record({ ...message, elapsedMs: 0, receivedAt: performance.now() });
    });
    client.send(
      JSON.stringify({
        type: 'hello',
        num_connections: clients.length,
        debug_info: { host: 'fake-slack', build_number: 1, approximate_connection_time: 3600 },
        connection_info: { app_id: FAKE_SLACK_IDS.appId },
      }),
    );
    connections.record(client);
  });

  const openClient = (): WebSocket | undefined => clients.findLast((client) => client.readyState === client.OPEN);

  return {
    acks: acks.items,
    clearAcks: () => acks.clear(),
    clientCount: () => clients.length,
    handleUpgrade(request, socket, head) {
      server.handleUpgrade(request, socket, head, (client) => server.emit('connection', client, request));
    },
    async waitForClient(timeoutMs) {
      if (openClient()) return;
      await connections.waitFor(
        (client) => client.readyState === client.OPEN,
        timeoutMs,
        () => `no Socket Mode client connected within ${timeoutMs} ms`,
      );
    },
    async sendEnvelope(envelope, timeoutMs = 5000) {
      const client = openClient();
      if (!client) throw new Error('sendEnvelope: no Socket Mode client is connected (start the app first)');
      const envelopeId = envelope.envelope_id ?? randomUUID();
      const message = {
        envelope_id: envelopeId,
        type: envelope.type,
        payload: envelope.payload,
        accepts_response_payload: envelope.accepts_response_payload ?? envelope.type !== 'events_api',
        ...(envelope.type === 'events_api'
          ? { retry_attempt: envelope.retry_attempt ?? 0, retry_reason: envelope.retry_reason ?? '' }
          : {}),
      };
      const sentAt = performance.now();
      const acked = acks.waitFor(
        (ack) => ack.envelope_id === envelopeId && ack.receivedAt >= sentAt,
        timeoutMs,
        () => `envelope ${envelopeId} (${envelope.type}) was not acknowledged within ${timeoutMs} ms`,
      );
      client.send(JSON.stringify(message));
      const ack = await acked;
      ack.elapsedMs = ack.receivedAt - sentAt;
      const { receivedAt: _receivedAt, ...result } = ack;
      return result;
    },
    async close() {
      await Promise.all(clients.map(closeGracefully));
      server.close();
    },
  };
};
