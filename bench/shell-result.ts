/** The figures of bench/shell.ts, and their text form, which bench/run.ts prints too. */

/** Goal of the first prompt, in milliseconds from spawning the shell. */
export const FIRST_PROMPT_GOAL_MS = 500;
/** Frame budget at 60 frames per second, in milliseconds: the goal of Tab completion. */
export const FRAME_GOAL_MS = 16;

/** Figures that bench/shell.ts prints with `--json`. Times are in milliseconds. */
export interface ShellResult {
  /** Starts of `bin/wbemshell.js --mock` on a pseudo-terminal; null without util-linux `script`. */
  firstPrompt: {
    runs: number;
    medianMs: number;
    /** Time to the first prompt of each start. */
    startsMs: number[];
    goalMs: number;
    /** Whether the shell started from the esbuild bundle rather than from the sources through tsx. */
    bundle: boolean;
  } | null;
  tabCompletion: {
    /** Number of class names that completion chose from. */
    classNames: number;
    /** Number of completions measured, after one that warms up the code. */
    completions: number;
    medianMs: number;
    maxMs: number;
    goalMs: number;
  };
}

/** Formats `result` as the table bench/shell.ts prints without `--json`. */
export function formatShellText(result: ShellResult): string {
  const { firstPrompt, tabCompletion } = result;
  const rows: string[][] = [['measurement', 'result', 'goal']];
  rows.push([
    `first prompt, median of ${firstPrompt?.runs ?? 0} starts (warm cache)`,
    firstPrompt === null ? 'skipped: no `script` command' : `${firstPrompt.medianMs} ms`,
    `${FIRST_PROMPT_GOAL_MS} ms`,
  ]);
  rows.push([
    `Tab completion, median of ${tabCompletion.completions} (${tabCompletion.classNames} class names)`,
    `${tabCompletion.medianMs} ms`,
    `${FRAME_GOAL_MS} ms`,
  ]);
  rows.push(['Tab completion, max', `${tabCompletion.maxMs} ms`, `${FRAME_GOAL_MS} ms`]);

  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  const lines = rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column]!)).join('  '));
  if (firstPrompt !== null && !firstPrompt.bundle) {
    lines.push('note: dist/wbemshell.mjs is missing or older than src/, so the shell started through tsx;');
    lines.push('      run `npm run build:cli` first to measure what users start');
  }
  return `${lines.join('\n')}\n`;
}
