import Conf from 'conf';

/**
 * Opens a conf store of the shell. Stores live in `WBEMSHELL_CONFIG_DIR` when it is set,
 * else in the user's config directory (for example `~/.config/wbemshell-nodejs` on Linux).
 * conf writes each change atomically (a temporary file renamed over the old one).
 */
export function openStore<T extends Record<string, unknown>>(configName: string, defaults: T, fileMode?: number): Conf<T> {
  const cwd = process.env['WBEMSHELL_CONFIG_DIR'];
  return new Conf<T>({
    projectName: 'wbemshell',
    configName,
    defaults,
    accessPropertiesByDotNotation: false,
    ...(cwd !== undefined && cwd !== '' ? { cwd } : {}),
    ...(fileMode !== undefined ? { configFileMode: fileMode } : {}),
  });
}
