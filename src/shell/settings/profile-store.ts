import { dirname } from 'node:path';
import type Conf from 'conf';
import { ShellInputError } from '../shell-errors.js';
import { openStore } from './config-directory.js';
import { CredentialStore, type PasswordState } from './credential-store.js';

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

/**
 * Connection profiles in the `profiles` conf store, and passwords, only when the user asks
 * to save one, encrypted in a CredentialStore in the same directory (see there for what
 * the encryption protects against and what it does not).
 */
export class ProfileStore {
  readonly #profiles: Conf<ProfileData>;
  readonly #credentials: CredentialStore;

  constructor() {
    this.#profiles = openStore<ProfileData>('profiles', { profiles: {}, defaultProfile: null });
    this.#credentials = new CredentialStore(dirname(this.#profiles.path));
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

  /** Saves a profile; `password` is stored encrypted when given, and a stored one is removed when it is null. */
  save(name: string, profile: ConnectionProfile, password: string | null): void {
    if (!/^[\w.-]+$/.test(name)) {
      throw new ShellInputError(`The profile name ${JSON.stringify(name)} is not valid; use letters, digits, "_", "-" and ".".`);
    }
    this.#profiles.set('profiles', { ...this.#profiles.get('profiles'), [name]: profile });
    this.#credentials.set(name, password);
  }

  delete(name: string): void {
    const profiles = { ...this.#profiles.get('profiles') };
    if (profiles[name] === undefined) throw notFound(name, this.names());
    delete profiles[name];
    this.#profiles.set('profiles', profiles);
    if (this.defaultProfile === name) this.#profiles.set('defaultProfile', null);
    this.#credentials.set(name, null);
  }

  /** Returns the saved password of a profile, or null; raises StoredPasswordError when it cannot be decrypted. */
  password(name: string): string | null {
    return this.#credentials.password(name);
  }

  /** Returns whether a profile has a saved password, and whether it can be decrypted. */
  passwordState(name: string): PasswordState {
    return this.#credentials.state(name);
  }

  /** Raises ShellInputError naming the saved profiles when `name` is not one. */
  require(name: string): ConnectionProfile {
    const profile = this.get(name);
    if (profile === undefined) throw notFound(name, this.names());
    return profile;
  }
}

function notFound(name: string, names: readonly string[]): ShellInputError {
  const known = names.length === 0 ? 'no profiles are saved; save one with "connection save NAME"' : `saved profiles: ${names.join(', ')}`;
  return new ShellInputError(`No connection profile named ${JSON.stringify(name)}; ${known}.`);
}
