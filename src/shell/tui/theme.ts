import { createContext, useContext } from 'react';

/** Colours of the screen; every entry is undefined when colour is off. */
export interface Theme {
  readonly color: boolean;
  readonly error: string | undefined;
  readonly warning: string | undefined;
  readonly command: string | undefined;
  readonly accent: string | undefined;
  readonly muted: string | undefined;
  readonly xmlTag: string | undefined;
  readonly xmlAttribute: string | undefined;
  readonly xmlValue: string | undefined;
  readonly xmlComment: string | undefined;
}

const COLOURS: Theme = {
  color: true,
  error: 'red',
  warning: 'yellow',
  command: 'cyan',
  accent: 'blue',
  muted: 'gray',
  xmlTag: 'cyan',
  xmlAttribute: 'yellow',
  xmlValue: 'green',
  xmlComment: 'gray',
};

const NO_COLOURS: Theme = {
  color: false,
  error: undefined,
  warning: undefined,
  command: undefined,
  accent: undefined,
  muted: undefined,
  xmlTag: undefined,
  xmlAttribute: undefined,
  xmlValue: undefined,
  xmlComment: undefined,
};

/** Returns the theme for an environment: no colour when `NO_COLOR` is set to a non-empty value (https://no-color.org). */
export function themeFor(env: NodeJS.ProcessEnv): Theme {
  const noColor = env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '';
  return noColor ? NO_COLOURS : COLOURS;
}

export const ThemeContext = createContext<Theme>(COLOURS);

export function useTheme(): Theme {
  return useContext(ThemeContext);
}
