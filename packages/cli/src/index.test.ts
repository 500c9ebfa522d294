import { readFileSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runIcestat, type CliIo } from './index';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

function bufferIo(cwd = repoRoot): CliIo & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: {
      write: (s: string | Uint8Array) => {
        out += String(s);
        return true;
      },
    },
    stderr: {
      write: (s: string | Uint8Array) => {
        err += String(s);
        return true;
      },
    },
    stdin: new PassThrough(),
    env: {},
    cwd,
    out: () => out,
    err: () => err,
  } as CliIo & { out: () => string; err: () => string };
}

describe('runIcestat (in-process)', () => {
  it('runs a command with the streams and working directory given', async () => {
    const io = bufferIo(`${repoRoot}examples`);
    const code = await runIcestat(['tally', 'data/sample-arrests.csv', '--by', 'criminality', '--format', 'json'], io);
    expect(code).toBe(0);
    expect(JSON.parse(io.out()).total).toBe(3000);
    expect(io.err()).toContain('data/sample-arrests.csv: 3,000 rows read');
  });

  it('prints the package version, and exits 2 with a usage line for an unknown command', async () => {
    const io = bufferIo();
    expect(await runIcestat(['--version'], io)).toBe(0);
    expect(io.out()).toBe(`${JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version}\n`);
    const bad = bufferIo();
    expect(await runIcestat(['tallly'], bad)).toBe(2);
    expect(bad.err()).toBe('icestat: unknown command "tallly"; expected one of tally, inspect, audit, validate, chart\nicestat: see `icestat --help`\n');
  });
});
