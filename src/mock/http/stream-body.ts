import type { ServerResponse } from 'node:http';
import { setImmediate as nextTurn } from 'node:timers/promises';

/** End of writing a generated body: every chunk written, an error thrown by the generator, or the client gone. */
export type StreamOutcome = { kind: 'complete' } | { kind: 'failed'; error: unknown } | { kind: 'closed' };

/**
 * Writes the chunks of `chunks` to `response` as they are generated, and leaves the
 * response open. After a write that fills the socket buffer it waits for `drain` before
 * generating the next chunk, so the server keeps about one chunk plus the buffer in
 * memory. After any other write it yields to the event loop once, so other connections are
 * served and a closed connection is noticed. When the client closes the connection it
 * stops and closes the generator. An error thrown by the generator ends the loop with
 * `failed`, and nothing of the failed chunk is written.
 */
export async function writeGenerated(response: ServerResponse, chunks: Iterator<Buffer>): Promise<StreamOutcome> {
  const connection = watchConnection(response);
  try {
    for (;;) {
      if (connection.closed()) return { kind: 'closed' };

      let step: IteratorResult<Buffer>;
      try {
        step = chunks.next();
      } catch (error) {
        return { kind: 'failed', error };
      }
      if (step.done === true) return { kind: 'complete' };

      if (response.write(step.value)) await nextTurn();
      else if (!(await connection.drained())) return { kind: 'closed' };
    }
  } finally {
    connection.dispose();
    chunks.return?.();
  }
}

interface ConnectionWatch {
  /** True once the response was destroyed or its connection closed. */
  closed(): boolean;
  /** Resolves true on `drain`, or false when the connection closes first. */
  drained(): Promise<boolean>;
  dispose(): void;
}

function watchConnection(response: ServerResponse): ConnectionWatch {
  let closed = response.destroyed;
  let wake: ((drained: boolean) => void) | null = null;

  const onClose = (): void => {
    closed = true;
    wake?.(false);
  };
  const onDrain = (): void => wake?.(true);
  response.on('close', onClose);
  response.on('drain', onDrain);

  return {
    closed: () => closed,
    drained: () =>
      new Promise<boolean>((resolve) => {
        if (closed) {
          resolve(false);
          return;
        }
        wake = (drained) => {
          wake = null;
          resolve(drained);
        };
      }),
    dispose: () => {
      response.off('close', onClose);
      response.off('drain', onDrain);
    },
  };
}
