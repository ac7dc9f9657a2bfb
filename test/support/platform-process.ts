/**
 * Starts the compiled platform (`core/dist/main.js`) as a real child process for
 * end-to-end tests, and waits for its "on http://…" line.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
export const MAIN = path.join(REPO_ROOT, 'core/dist/main.js');

export interface PlatformProcess {
  child: ChildProcess;
  url: string;
  stdout: () => string;
  stderr: () => string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export interface ExitedProcess {
  code: number | null;
  stdout: string;
  stderr: string;
}

function launch(env: Record<string, string>): { child: ChildProcess; out: string[]; err: string[] } {
  const child = spawn(process.execPath, ['--no-node-snapshot', MAIN], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', PORT: '0', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out: string[] = [];
  const err: string[] = [];
  child.stdout!.on('data', (d) => out.push(String(d)));
  child.stderr!.on('data', (d) => err.push(String(d)));
  return { child, out, err };
}

export function startPlatform(env: Record<string, string>, timeoutMs = 60_000): Promise<PlatformProcess> {
  const { child, out, err } = launch(env);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`platform did not start in ${timeoutMs} ms:\n${out.join('')}\n${err.join('')}`)), timeoutMs);
    const onData = () => {
      const match = /on (http:\/\/[^\s]+)/.exec(out.join(''));
      if (!match) return;
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      resolve({
        child,
        url: match[1]!,
        stdout: () => out.join(''),
        stderr: () => err.join(''),
        stop: (signal = 'SIGTERM') => {
          if (child.exitCode !== null) return Promise.resolve(child.exitCode);
          child.kill(signal);
          return exited;
        },
      });
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`platform exited with ${code} before starting:\n${err.join('')}`));
    });
  });
}

/** Runs the platform expecting it to fail at start; resolves with its exit code and output. */
export function runToExit(env: Record<string, string>, timeoutMs = 30_000): Promise<ExitedProcess> {
  const { child, out, err } = launch(env);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error('platform did not exit'));
    }, timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout: out.join(''), stderr: err.join('') });
    });
  });
}
