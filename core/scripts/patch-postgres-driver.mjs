/**
 * Repairs a crash in the postgres.js driver (postgres@3.4.10, unfixed upstream:
 * porsager/postgres#1154, #1208). Small writes are deferred behind a
 * setImmediate; when the connection closes first, the deferred write runs
 * against a null socket and throws from the immediate callback, an uncaught
 * TypeError that takes the whole process down. A database restart or a network
 * blip must cost a retried query, never the host.
 *
 * The repair (the guard proposed upstream in porsager/postgres#1209):
 *   - `nextWrite` with no socket drops the buffered bytes and rejects the
 *     pending queries with CONNECTION_CLOSED, which callers already retry;
 *     and hand the connection back to the pool as closed, so the next query
 *     reconnects instead of meeting the same dead connection;
 *   - `terminate` and `closed` reset the write timer and the buffer when they
 *     cancel it, so a reused connection can flush again;
 *   - releasing a reserved connection that died while reserved leaves it in
 *     the pool's closed queue instead of marking it open.
 *
 * Run by the root `postinstall`. It is idempotent, and it refuses (exit 1) when
 * the driver's text is not what it expects, so an upgrade cannot silently drop
 * the repair: review this file when bumping `postgres`.
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const MARKER = '/* nudge: null-socket repair, see core/scripts/patch-postgres-driver.mjs */';
const EXPECTED_VERSION = '3.4.10';

const connectionReplacements = [
  {
    from: 'function nextWrite(fn) {\n    const x = socket.write(chunk, fn)',
    to:
      'function nextWrite(fn) {\n' +
      `    ${MARKER}\n` +
      '    if (!socket) {\n' +
      '      nextWriteTimer !== null && clearImmediate(nextWriteTimer)\n' +
      '      chunk = nextWriteTimer = null\n' +
      "      const err = Errors.connection('CONNECTION_CLOSED', options)\n" +
      '      error(err)\n' +
      '      connection.queue === queues.closed || connection.queue === queues.connecting || onclose(connection, err)\n' +
      '      return false\n' +
      '    }\n' +
      '    const x = socket.write(chunk, fn)',
  },
  {
    from: "      error(Errors.connection('CONNECTION_DESTROYED', options))\n\n    clearImmediate(nextWriteTimer)\n",
    to: "      error(Errors.connection('CONNECTION_DESTROYED', options))\n\n    clearImmediate(nextWriteTimer)\n    chunk = nextWriteTimer = null\n",
  },
  {
    from: '    incomings = null\n    clearImmediate(nextWriteTimer)\n',
    to: '    incomings = null\n    clearImmediate(nextWriteTimer)\n    chunk = nextWriteTimer = null\n',
  },
];

const indexReplacements = [
  {
    from: '    sql.release = () => {\n      c.reserved = null\n      onopen(c)\n    }',
    to: `    sql.release = () => {\n      ${MARKER}\n      c.reserved = null\n      c.queue === closed || onopen(c)\n    }`,
  },
];

/** Patches one copy of connection.js; returns 'patched' | 'already'. */
export function patchConnectionSource(source) {
  return applyReplacements(source, connectionReplacements);
}

/** Patches one copy of index.js (a released reserved connection that died is not handed out as open). */
export function patchIndexSource(source) {
  return applyReplacements(source, indexReplacements);
}

function applyReplacements(source, replacements) {
  if (source.includes(MARKER)) return { source, state: 'already' };
  let out = source;
  for (const { from, to } of replacements) {
    const at = out.indexOf(from);
    if (at === -1 || out.indexOf(from, at + 1) !== -1) {
      throw new Error(`expected exactly one occurrence of:\n${from}`);
    }
    out = out.replace(from, to);
  }
  return { source: out, state: 'patched' };
}

function driverRoot() {
  const here = dirname(fileURLToPath(import.meta.url));
  const require = createRequire(join(here, '..', 'package.json'));
  // `postgres` exports no package.json; its CJS entry is cjs/src/index.js.
  return join(dirname(require.resolve('postgres')), '..', '..');
}

function main() {
  let root;
  try {
    root = driverRoot();
  } catch {
    console.log('patch-postgres-driver: postgres is not installed; nothing to patch');
    return;
  }
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  if (version !== EXPECTED_VERSION) {
    console.error(
      `patch-postgres-driver: postgres ${version} is installed but this repair was written for ${EXPECTED_VERSION}; ` +
        'check whether upstream fixed the null-socket nextWrite crash and update core/scripts/patch-postgres-driver.mjs',
    );
    process.exit(1);
  }
  const targets = ['src', 'cjs/src', 'cf/src'].flatMap((dir) => [
    { file: join(root, dir, 'connection.js'), patch: patchConnectionSource },
    { file: join(root, dir, 'index.js'), patch: patchIndexSource },
  ]);
  for (const { file, patch } of targets.filter((t) => existsSync(t.file))) {
    try {
      const { source, state } = patch(readFileSync(file, 'utf8'));
      if (state === 'patched') writeFileSync(file, source);
      console.log(`patch-postgres-driver: ${file}: ${state}`);
    } catch (err) {
      console.error(`patch-postgres-driver: ${file}: ${err.message}`);
      process.exit(1);
    }
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
