import { createContext, useContext } from 'react';
import { DEFAULT_KEY_BINDINGS, type KeyBindingTable } from '../input/key-bindings.js';

/** The key-binding table of the shell; the default keys unless a provider sets the user's table. */
export const KeyBindingsContext = createContext<KeyBindingTable>(DEFAULT_KEY_BINDINGS);

/** Returns the key-binding table in use. */
export function useKeyBindings(): KeyBindingTable {
  return useContext(KeyBindingsContext);
}
