/**
 * Exit status after the reader of stdout or stderr has gone: 128 + SIGPIPE (13), the
 * status a shell reports for a program that a closed pipe stopped, such as `yes` in
 * `yes | head`.
 */
export const EXIT_BROKEN_PIPE = 141;

/**
 * Ends the process quietly with EXIT_BROKEN_PIPE when a write to one of `streams` fails
 * with EPIPE, as in `wbemshell -c 'class tree' | head`. Node ignores SIGPIPE and reports
 * the closed pipe as an `error` event, which without a listener ends the process with a
 * stack trace. Other stream errors are raised again unchanged.
 */
export function exitOnBrokenPipe(streams: readonly NodeJS.WritableStream[], exit: (code: number) => void): void {
  for (const stream of streams) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
      exit(EXIT_BROKEN_PIPE);
    });
  }
}
