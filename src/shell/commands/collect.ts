import type { CommandContext } from './command-context.js';

/** How often the progress count is reported while collecting. */
const PROGRESS_STEP = 100;

/**
 * Collects the objects of an iteration, reporting the count through the context's
 * progress callback. An abort of the context's signal stops the iteration, which then
 * closes the enumeration on the server.
 */
export async function collect<T>(context: CommandContext, items: AsyncIterable<T>, message: string): Promise<T[]> {
  const collected: T[] = [];
  context.progress(message, 0);
  for await (const item of items) {
    collected.push(item);
    if (collected.length % PROGRESS_STEP === 0) context.progress(message, collected.length);
    context.signal?.throwIfAborted();
  }
  context.progress(message, collected.length);
  return collected;
}
