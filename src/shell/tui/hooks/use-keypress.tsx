import { useInput, useStdin } from 'ink';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, type ReactNode } from 'react';
import { decodeKey, splitKeys, type KeyEvent } from '../input/key-event.js';

/** Receives a key; returns true when it consumed the key so handlers of lower priority do not see it. */
export type KeyHandler = (key: KeyEvent) => boolean;

interface Subscription {
  readonly priority: number;
  readonly order: number;
  readonly handler: { current: KeyHandler };
}

interface KeypressRegistry {
  subscribe(subscription: Subscription): () => void;
}

const KeypressContext = createContext<KeypressRegistry | null>(null);

let subscriptionCount = 0;

const PASTE_START = 'paste-start';
const PASTE_END = 'paste-end';

/**
 * Owns stdin: reads every key through Ink's `useInput`, decodes the raw sequence and hands
 * it to the subscribed handlers, highest priority first (later subscriptions first among
 * equal priorities), until one consumes it. Text between bracketed-paste markers arrives
 * as one `paste` event; other runs of text arrive as one event per character.
 */
export function KeypressProvider({ children }: { children: ReactNode }) {
  const subscriptions = useRef<Subscription[]>([]);
  const lastSequence = useRef<string | null>(null);
  const paste = useRef<string | null>(null);
  const { internal_eventEmitter: emitter } = useStdin();

  // Ink's Key loses the raw sequence, so keep it from the same event. This listener is
  // added before useInput's and the emitter calls listeners in the order they were added.
  useEffect(() => {
    const remember = (sequence: string) => {
      lastSequence.current = sequence;
    };
    emitter.prependListener('input', remember);
    return () => {
      emitter.removeListener('input', remember);
    };
  }, [emitter]);

  const dispatch = useCallback((key: KeyEvent) => {
    const ordered = [...subscriptions.current].sort((a, b) => b.priority - a.priority || b.order - a.order);
    for (const subscription of ordered) {
      if (subscription.handler.current(key)) return;
    }
  }, []);

  const handleSequence = useCallback(
    (sequence: string) => {
      const key = decodeKey(sequence);

      if (key.name === PASTE_START) {
        paste.current = '';
        return;
      }
      if (key.name === PASTE_END) {
        const text = paste.current ?? '';
        paste.current = null;
        dispatch({ name: 'paste', text, ctrl: false, meta: false, shift: false, sequence: text });
        return;
      }
      if (paste.current !== null) {
        paste.current += sequence;
        return;
      }
      if (key.name === 'paste') {
        // runTui turns bracketed paste on, so a run of text without the markers is keys
        // typed faster than they were read (or sent by a program such as tmux send-keys).
        for (const char of sequence) dispatch(decodeKey(char));
        return;
      }
      dispatch(key);
    },
    [dispatch],
  );

  const onInput = useCallback(
    (input: string) => {
      const sequence = lastSequence.current ?? input;
      lastSequence.current = null;
      for (const part of splitKeys(sequence)) handleSequence(part);
    },
    [handleSequence],
  );
  useInput(onInput);

  const registry = useMemo<KeypressRegistry>(
    () => ({
      subscribe(subscription) {
        subscriptions.current.push(subscription);
        return () => {
          subscriptions.current = subscriptions.current.filter((entry) => entry !== subscription);
        };
      },
    }),
    [],
  );
  return <KeypressContext.Provider value={registry}>{children}</KeypressContext.Provider>;
}

/**
 * Subscribes `handler` to keys at `priority` while `active` is true. The handler may
 * change on every render; the subscription keeps its place.
 */
export function useKeypress(handler: KeyHandler, priority: number, active = true): void {
  const registry = useContext(KeypressContext);
  if (registry === null) throw new Error('useKeypress needs a KeypressProvider above it in the component tree.');

  const handlerRef = useRef(handler);
  handlerRef.current = handler;

  const orderRef = useRef<number | null>(null);
  useEffect(() => {
    if (!active) return;
    orderRef.current ??= ++subscriptionCount;
    return registry.subscribe({ priority, order: orderRef.current, handler: handlerRef });
  }, [registry, priority, active]);
}

/** Key priorities, highest first. */
export const PRIORITY = {
  help: 100,
  completion: 60,
  search: 50,
  global: 40,
  recorder: 30,
  editor: 10,
} as const;
