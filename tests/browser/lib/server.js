// Starts a server process, waits until it answers, and stops it (by its own pid) afterwards.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';

/** The repository root. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** A free loopback port. */
export function freePort() {
  return new Promise((done, fail) => {
    const srv = createServer();
    srv.on('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => done(port));
    });
  });
}

/** Polls `url` until it answers (any status) or `timeoutMs` passes. */
export async function waitFor(url, timeoutMs, proc) {
  const until = Date.now() + timeoutMs;
  let last;
  while (Date.now() < until) {
    if (proc && proc.exitCode !== null) throw new Error(`server exited with ${proc.exitCode}: ${proc.output()}`);
    try {
      const res = await fetch(url);
      await res.arrayBuffer();
      return;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms: ${last}; output: ${proc ? proc.output() : ''}`);
}

/** Spawns `cmd args`, keeping its output for error messages. */
export function start(cmd, args, env = {}) {
  const child = spawn(cmd, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d) => { out = (out + d).slice(-8000); });
  child.stderr.on('data', (d) => { out = (out + d).slice(-8000); });
  child.output = () => out;
  child.stop = () => new Promise((done) => {
    if (child.exitCode !== null) { done(); return; }
    child.once('exit', () => done());
    child.kill('SIGINT');
    setTimeout(() => { if (child.exitCode === null) child.kill('SIGKILL'); }, 5000).unref();
  });
  return child;
}
