import type Conf from 'conf';
import { ShellInputError } from '../shell-errors.js';
import { openStore } from './config-directory.js';

/** A saved connection: everything of a connection target except the password. */
export interface ConnectionProfile {
  readonly url: string | null;
  readonly mockFiles: readonly string[];
  readonly user: string | null;
  readonly namespace: string;
  readonly timeout: number;
  readonly noVerify: boolean;
  readonly caCerts: string | null;
  readonly certFile: string | null;
  readonly keyFile: string | null;
}

type ProfileData = { profiles: Record<string, ConnectionProfile>; defaultProfile: string | null } & Record<string, unknown>;
type SecretData = { passwords: Record<string, string> } & Record<string, unknown>;

/**
 * Connection profiles in the `profiles` conf store, and passwords, only when the user
 * asks to save one, in the separate `credentials` store. That file is created with mode
 * 0600, so only its owner can read it. Its content is not encrypted (as with ~/.pgpass),
 * so anyone who can read the owner's files can read the passwords.
 */
export class ProfileStore {
  readonly #profiles: Conf<ProfileData>;
  #secrets: Conf<SecretData> | null = null;

  constructor() {
    this.#profiles = openStore<ProfileData>('profiles', { profiles: {}, defaultProfile: null });
  }

  names(): string[] {
    return Object.keys(this.#profiles.get('profiles')).sort();
  }

  get(name: string): ConnectionProfile | undefined {
    return this.#profiles.get('profiles')[name];
  }

  /** Name of the profile the shell connects to when no server is given, or null. */
  get defaultProfile(): string | null {
    return this.#profiles.get('defaultProfile');
  }

  set defaultProfile(name: string | null) {
    if (name !== null && this.get(name) === undefined) throw notFound(name, this.names());
    this.#profiles.set('defaultProfile', name);
  }

  /** Saves a profile; `password` is stored in the credentials store when given, and removed from it when null. */
  save(name: string, profile: ConnectionProfile, password: string | null): void {
    if (!/^[\w.-]+$/.test(name)) {
      throw new ShellInputError(`The profile name ${JSON.stringify(name)} is not valid; use letters, digits, "_", "-" and ".".`);
    }
    this.#profiles.set('profiles', { ...this.#profiles.get('profiles'), [name]: profile });
    this.#setPassword(name, password);
  }

  delete(name: string): void {
    const profiles = { ...this.#profiles.get('profiles') };
    if (profiles[name] === undefined) throw notFound(name, this.names());
    delete profiles[name];
    this.#profiles.set('profiles', profiles);
    if (this.defaultProfile === name) this.#profiles.set('defaultProfile', null);
    this.#setPassword(name, null);
  }

  /** The saved password of a profile, or null. */
  password(name: string): string | null {
    return this.#secretStore().get('passwords')[name] ?? null;
  }

  /** Raises ShellInputError naming the saved profiles when `name` is not one. */
  require(name: string): ConnectionProfile {
    const profile = this.get(name);
    if (profile === undefined) throw notFound(name, this.names());
    return profile;
  }

  #setPassword(name: string, password: string | null): void {
    const store = this.#secretStore();
    const passwords = { ...store.get('passwords') };
    if (password === null && passwords[name] === undefined) return;
    if (password === null) delete passwords[name];
    else passwords[name] = password;
    store.set('passwords', passwords);
  }

  #secretStore(): Conf<SecretData> {
    this.#secrets ??= openStore<SecretData>('credentials', { passwords: {} }, 0o600);
    return this.#secrets;
  }
}

function notFound(name: string, names: readonly string[]): ShellInputError {
  const known = names.length === 0 ? 'no profiles are saved; save one with "connection save NAME"' : `saved profiles: ${names.join(', ')}`;
  return new ShellInputError(`No connection profile named ${JSON.stringify(name)}; ${known}.`);
}
