import type { OutStream } from './io';

/** A progress display for a long read: started once, updated often, stopped once. */
export interface Progress {
  update(bytes: number, rows: number): void;
  stop(): void;
}

/** A display that shows nothing (stderr is not a terminal). */
export const silentProgress: Progress = { update: () => undefined, stop: () => undefined };

function megabytes(n: number): string {
  return `${(n / 1e6).toFixed(1)} MB`;
}

/**
 * A progress bar on a terminal (cli-progress): bytes read of the file's size, rows read and rows
 * per second, and the time left. Without a size (standard input) it shows bytes and rows only.
 */
export async function terminalProgress(stream: OutStream, label: string, totalBytes: number | undefined): Promise<Progress> {
  const { default: cliProgress } = await import('cli-progress');
  const started = Date.now();
  const format = totalBytes
    ? `${label} {bar} {percentage}% | {done} of {size} | {rows} rows, {rate} rows/s | ETA {eta_formatted}`
    : `${label} {done} | {rows} rows, {rate} rows/s`;
  const bar = new cliProgress.SingleBar(
    { format, stream: stream as NodeJS.WritableStream, hideCursor: true, clearOnComplete: true, barsize: 24, fps: 8, etaBuffer: 50 },
    cliProgress.Presets.shades_classic,
  );
  const payload = (bytes: number, rows: number) => {
    const seconds = Math.max((Date.now() - started) / 1000, 0.001);
    return {
      done: megabytes(bytes),
      size: totalBytes ? megabytes(totalBytes) : '',
      rows: rows.toLocaleString('en-US'),
      rate: Math.round(rows / seconds).toLocaleString('en-US'),
    };
  };
  bar.start(totalBytes ?? 1, 0, payload(0, 0));
  return {
    update(bytes, rows) {
      bar.update(totalBytes ? bytes : 0, payload(bytes, rows));
    },
    stop() {
      bar.stop();
    },
  };
}
