/**
 * PGlite is single-process: two servers on one DATA_DIR would corrupt it. A pid
 * file guards the directory; a stale file left by a crashed process is taken over.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../errors.js';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the lock or throws; returns a release function. */
export function lockDataDir(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'pglite.pid');
  try {
    const pid = Number(fs.readFileSync(file, 'utf8'));
    if (pid && pid !== process.pid && alive(pid)) {
      throw new ConfigError(`DATA_DIR ${dataDir} is in use by process ${pid}; stop it or set another DATA_DIR.`);
    }
  } catch (err) {
    if (err instanceof ConfigError) throw err;
  }
  fs.writeFileSync(file, String(process.pid));
  return () => {
    try {
      if (fs.readFileSync(file, 'utf8') === String(process.pid)) fs.unlinkSync(file);
    } catch {
      // already gone
    }
  };
}
