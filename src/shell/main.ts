// Entry point of the `wbemshell` command: `wbemshell mock-server ...` runs the mock
// server in the foreground, anything else runs the shell.
import { exitOnBrokenPipe } from './broken-pipe.js';

// React and Ink read NODE_ENV when they load; their development builds check every render
// and take several times longer per frame. Tests that render the components directly keep
// the development builds.
process.env['NODE_ENV'] ??= 'production';

const argv = process.argv.slice(2);
exitOnBrokenPipe([process.stdout, process.stderr], (code) => process.exit(code));

if (argv[0] === 'mock-server') {
  const { runMockServerCommand } = await import('../index.js');
  process.exitCode = await runMockServerCommand(argv.slice(1));
} else {
  const { runCli } = await import('./run-cli.js');
  process.exitCode = await runCli(argv, { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env });
}
