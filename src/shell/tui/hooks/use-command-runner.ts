import { useCallback, useEffect, useRef, useState } from 'react';
import type { CommandProgress, InstancePick, ShellSession } from '../../session-types.js';
import type { OutputLog } from '../output/output-log.js';

/** The command being run, for the spinner. */
export interface RunningCommand {
  readonly line: string;
  readonly progress: CommandProgress | null;
}

export interface CommandRunner {
  readonly running: RunningCommand | null;
  /** Number of command lines waiting behind the running one. */
  readonly queued: number;
  /** Runs a line now, or after the running command and those queued before it. */
  submit(line: string): void;
  /** Cancels the running command through its AbortSignal and drops queued lines; returns false when nothing was running. */
  cancel(): boolean;
}

/** Callbacks of the command runner, besides the log it writes. */
export interface CommandRunnerEvents {
  /** Called after each change of the log. */
  onOutput(): void;
  /** Called when a command requests to leave the shell (`exit`). */
  onExit(): void;
  /** Called when a command stopped at a `CLASS.?` word and offers instances to pick. */
  onPick(pick: InstancePick): void;
}

/** Runs command lines one at a time and writes the echo and the output blocks to `log`. */
export function useCommandRunner(session: ShellSession, log: OutputLog, events: CommandRunnerEvents): CommandRunner {
  const { onOutput, onExit, onPick } = events;
  const [running, setRunning] = useState<RunningCommand | null>(null);
  const [queued, setQueued] = useState(0);
  const queue = useRef<string[]>([]);
  const controller = useRef<AbortController | null>(null);
  const mounted = useRef(true);
  useEffect(
    () => () => {
      mounted.current = false;
      controller.current?.abort();
    },
    [],
  );

  const runNext = useCallback(async () => {
    const line = queue.current.shift();
    setQueued(queue.current.length);
    if (line === undefined) return;

    log.append('command', `${session.state.namespace}> ${line}`);
    onOutput();
    if (line.trim() === '') {
      void runNext();
      return;
    }

    const abort = new AbortController();
    controller.current = abort;
    setRunning({ line, progress: null });
    const onProgress = (progress: CommandProgress) => {
      if (controller.current === abort && mounted.current) setRunning({ line, progress });
    };

    let exit = false;
    try {
      const result = await session.execute(line, { signal: abort.signal, onProgress });
      for (const block of result.output) log.append(block.kind, block.text);
      exit = result.exit === true;
      if (result.pick !== undefined) onPick(result.pick);
    } catch (error) {
      const text = abort.signal.aborted ? 'Command cancelled.' : `The command failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`;
      log.append(abort.signal.aborted ? 'warning' : 'error', text);
    }

    controller.current = null;
    if (!mounted.current) return;
    setRunning(null);
    onOutput();
    if (exit) {
      queue.current = [];
      onExit();
      return;
    }
    void runNext();
  }, [session, log, onOutput, onExit, onPick]);

  const submit = useCallback(
    (line: string) => {
      queue.current.push(line);
      setQueued(queue.current.length);
      if (controller.current === null && queue.current.length === 1) void runNext();
    },
    [runNext],
  );

  const cancel = useCallback(() => {
    queue.current = [];
    setQueued(0);
    if (controller.current === null) return false;
    controller.current.abort();
    return true;
  }, []);

  return { running, queued, submit, cancel };
}
