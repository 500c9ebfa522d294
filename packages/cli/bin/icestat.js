#!/usr/bin/env node
// The `icestat` command. The code is in dist/ (built by `npm run build`); a checkout that has not
// been built yet gets a plain instruction instead of a module-not-found stack trace.
import { existsSync, readFileSync } from 'node:fs';

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  // Answered here, without loading the command: scripts call this to check what is installed.
  process.stdout.write(`${JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version}\n`);
} else {
  const cli = new URL('../dist/cli.js', import.meta.url);
  if (!existsSync(cli)) {
    process.stderr.write(
      'icestat: this copy has not been built yet (dist/cli.js is missing).\nicestat: run `npm run build` at the root of the repository, then try again.\n',
    );
    process.exit(2);
  }
  const { main } = await import(cli.href);
  process.exitCode = await main(args);
}
