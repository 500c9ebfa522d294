import pc from 'picocolors';
import { colourAllowed, type CliIo, type OutStream } from './io';
import { noPaint, type Paint } from './load-report';

/** Colours for a stream (picocolors), or none when it is not a terminal or NO_COLOR is set. */
export function paintFor(stream: OutStream, env: CliIo['env']): Paint {
  if (!colourAllowed(stream, env)) return noPaint;
  const c = pc.createColors(true);
  return { bold: c.bold, dim: c.dim, red: c.red, yellow: c.yellow, green: c.green };
}
