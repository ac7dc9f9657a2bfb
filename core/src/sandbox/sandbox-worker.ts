/**
 * Entry point of one sandbox worker process (forked by the supervisor with
 * `--no-node-snapshot`). It owns an IsolateEngine and nothing else: every
 * fetch, store and log call goes back to the supervisor over IPC. If isolated-vm
 * aborts this process, only the invocations running here are lost.
 */
import { IsolateEngine } from '@nudgecampaign/plugin-sdk/runtime/isolate-engine';
import { SandboxBridgeError, type HostBridge, type PluginManifestLike, type SandboxErrorType } from '@nudgecampaign/plugin-sdk/runtime/types';
import { MessageBatcher, type HostOp, type ToSupervisor, type ToWorker } from './worker-protocol.js';

if (!process.send) {
  process.stderr.write('sandbox-worker must be started by the sandbox supervisor (child_process.fork).\n');
  process.exit(2);
}

const engine = new IsolateEngine({ maxIsolates: Number(process.env.NUDGE_SANDBOX_MAX_ISOLATES) || 32 });
const bundles = new Map<string, { code: string; manifest: PluginManifestLike }>();
const BUNDLE_CACHE = 64;
const pending = new Map<string, { resolve(value: unknown): void; reject(err: unknown): void }>();
let nextCallId = 0;

const outbox = new MessageBatcher<ToSupervisor>((message) => process.send!(message));

function send(message: ToSupervisor): void {
  outbox.send(message);
}

function hostCall(id: number, op: HostOp, args: unknown[]): Promise<unknown> {
  const callId = ++nextCallId;
  return new Promise((resolve, reject) => {
    pending.set(`${id}:${callId}`, { resolve, reject });
    send({ t: 'host', id, callId, op, args } as ToSupervisor);
  });
}

function bridgeFor(id: number): HostBridge {
  return {
    fetch: (req) => hostCall(id, 'fetch', [req]) as ReturnType<HostBridge['fetch']>,
    storeGet: (key) => hostCall(id, 'storeGet', [key]),
    storeSet: async (key, value) => {
      await hostCall(id, 'storeSet', [key, value]);
    },
    storeDelete: async (key) => {
      await hostCall(id, 'storeDelete', [key]);
    },
    log: (entry) => send({ t: 'log', id, entry }),
  };
}

function remember(digest: string, code: string, manifest: PluginManifestLike): void {
  bundles.delete(digest);
  bundles.set(digest, { code, manifest });
  if (bundles.size > BUNDLE_CACHE) bundles.delete(bundles.keys().next().value as string);
}

process.on('message', (message: ToWorker) => {
  if (message.t === 'batch') message.m.forEach(receive);
  else receive(message);
});

function receive(message: ToWorker): void {
  if (message.t === 'hostResult') {
    const key = `${message.id}:${message.callId}`;
    const waiter = pending.get(key);
    if (!waiter) return;
    pending.delete(key);
    if (message.ok) {
      waiter.resolve(message.value);
    } else if (message.error.type) {
      waiter.reject(new SandboxBridgeError(message.error.type as SandboxErrorType, message.error.code, message.error.message));
    } else {
      waiter.reject(Object.assign(new Error(message.error.message), { code: message.error.code }));
    }
    return;
  }
  if (message.t === 'invoke') {
    const { req, id } = message;
    if (req.code !== undefined && req.manifest !== undefined) remember(req.digest, req.code, req.manifest);
    const bundle = bundles.get(req.digest);
    if (!bundle) {
      send({ t: 'need', id });
      return;
    }
    void engine.invoke({ ...req, code: bundle.code, manifest: bundle.manifest }, bridgeFor(id)).then((result) => send({ t: 'result', id, result }));
  }
}

// An orphaned worker must not linger once its supervisor is gone.
process.on('disconnect', () => {
  engine.dispose();
  process.exit(0);
});

send({ t: 'ready', pid: process.pid });
