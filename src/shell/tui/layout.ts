import { COMPLETION_WINDOW } from './components/completion-list.js';

/** Terminals narrower than this start with the operations pane hidden. */
export const PANE_HIDDEN_BELOW = 80;
/** Terminals at least this wide show the pane beside the output; narrower ones stack it under the output. */
export const SIDE_BY_SIDE_FROM = 120;
/** Smallest width of the output column and of the side pane, in columns. */
export const MIN_COLUMN_WIDTH = 30;
/** Smallest height of the output area and of the stacked pane, in rows. */
export const MIN_AREA_HEIGHT = 4;

/** Placement of the operations pane: beside the output where the terminal is wide enough, or always under it. */
export type PanePlacement = 'right' | 'bottom';

/** Pane settings of the shell: where the pane goes, whether it starts hidden, and its share. */
export interface PaneSettings {
  /** `hidden` starts with the pane hidden and shows it on the right when toggled; default right. */
  readonly pane?: PanePlacement | 'hidden';
  /** Percent of the width (side by side) or of the height (stacked) given to the pane; default 40. */
  readonly paneWidth?: number;
}

/** Share of the pane when the settings give none. */
export const DEFAULT_PANE_SHARE = 0.4;

export interface LayoutInput {
  readonly columns: number;
  readonly rows: number;
  readonly paneVisible: boolean;
  /** Default right: side by side from SIDE_BY_SIDE_FROM columns, stacked below that. */
  readonly placement?: PanePlacement;
  /** Share of the width (side by side) or of the height (stacked) given to the pane, 0 to 1. */
  readonly paneShare: number;
  readonly warningLine: boolean;
  readonly spinnerLine: boolean;
  readonly completionOpen: boolean;
}

export interface Layout {
  readonly side: boolean;
  readonly leftWidth: number;
  readonly outputHeight: number;
  readonly paneWidth: number;
  readonly paneHeight: number;
}

function clamp(value: number, low: number, high: number): number {
  return Math.max(low, Math.min(high, value));
}

/**
 * Sizes the areas of the screen. The screen uses one row less than the terminal so Ink
 * redraws by erasing its previous frame instead of clearing the whole terminal.
 */
export function computeLayout(input: LayoutInput): Layout {
  const height = Math.max(8, input.rows - 1);
  const fixedRows = 1 + (input.warningLine ? 1 : 0) + 1 + 1 + (input.spinnerLine ? 1 : 0) + (input.completionOpen ? COMPLETION_WINDOW + 1 : 0);
  const body = Math.max(MIN_AREA_HEIGHT, height - fixedRows);

  if (!input.paneVisible) {
    return { side: false, leftWidth: input.columns, outputHeight: body, paneWidth: 0, paneHeight: 0 };
  }

  if (input.placement !== 'bottom' && input.columns >= SIDE_BY_SIDE_FROM) {
    const paneWidth = clamp(Math.round(input.columns * input.paneShare), MIN_COLUMN_WIDTH, input.columns - MIN_COLUMN_WIDTH);
    return { side: true, leftWidth: input.columns - paneWidth, outputHeight: body, paneWidth, paneHeight: height - 2 - (input.warningLine ? 1 : 0) };
  }

  const paneHeight = clamp(Math.round(body * input.paneShare), MIN_AREA_HEIGHT + 2, Math.max(MIN_AREA_HEIGHT + 2, body - MIN_AREA_HEIGHT));
  return { side: false, leftWidth: input.columns, outputHeight: Math.max(1, body - paneHeight), paneWidth: input.columns, paneHeight };
}

/**
 * Returns the pane state the shell starts with: hidden for `pane = hidden` and on terminals
 * narrower than PANE_HIDDEN_BELOW whatever the settings, at the settings' share otherwise.
 */
export function initialPane(settings: PaneSettings, columns: number): { visible: boolean; placement: PanePlacement; share: number } {
  const visible = settings.pane !== 'hidden' && columns >= PANE_HIDDEN_BELOW;
  const placement = settings.pane === 'bottom' ? 'bottom' : 'right';
  const share = settings.paneWidth === undefined ? DEFAULT_PANE_SHARE : settings.paneWidth / 100;
  return { visible, placement, share };
}
