import type { CIMClass } from '../../index.js';
import { COMMANDS } from '../commands/command-table.js';
import type { SessionControl } from '../commands/command-context.js';
import { readServerInfo } from '../commands/server-info.js';
import { type CompletionSources, untilAborted } from './completion-sources.js';
import type { NameIndex } from './name-index.js';

/** Completion data of a session, read from its connection and cached per connection. */
export class SessionSources implements CompletionSources {
  readonly #session: SessionControl;
  #namespaces: Promise<readonly string[]> | null = null;

  constructor(session: SessionControl) {
    this.#session = session;
  }

  classNames(signal?: AbortSignal): Promise<NameIndex> {
    return untilAborted(this.#session.classes.classNames(this.#session.state.namespace), signal);
  }

  getClass(className: string, signal?: AbortSignal): Promise<CIMClass> {
    return untilAborted(this.#session.classes.getClass(this.#session.state.namespace, className), signal);
  }

  namespaces(signal?: AbortSignal): Promise<readonly string[]> {
    if (this.#namespaces === null) {
      const loading = readServerInfo(this.#session.connection, {}).then((info) => info.namespaces ?? [this.#session.state.namespace]);
      this.#namespaces = loading;
      loading.catch(() => {
        this.#namespaces = null;
      });
    }
    return untilAborted(this.#namespaces, signal);
  }

  async qualifierNames(signal?: AbortSignal): Promise<readonly string[]> {
    const declarations = await untilAborted(this.#session.classes.qualifierDeclarations(this.#session.state.namespace), signal);
    return declarations.map((declaration) => declaration.name).sort();
  }

  async instancePaths(className: string, signal?: AbortSignal): Promise<readonly string[]> {
    const options = signal === undefined ? { namespace: this.#session.state.namespace } : { namespace: this.#session.state.namespace, signal };
    const paths = await this.#session.connection.enumerateInstanceNames(className, options);
    return paths.map((path) => {
      const local = path.copy();
      local.namespace = null;
      local.host = null;
      return local.toWBEMURI('historical');
    });
  }

  profileNames(): readonly string[] {
    return this.#session.profiles?.names() ?? [];
  }

  commandWords(): readonly string[] {
    return COMMANDS.flatMap((command) => command.words);
  }
}
