// Which home a person is working in: remembered per user on this device.

const PREFIX = "carehub.home.";

export function rememberedHome(username: string, storage: Pick<Storage, "getItem"> | null = safeStorage()): string | null {
  try {
    return storage?.getItem(PREFIX + username) ?? null;
  } catch {
    return null;
  }
}

export function rememberHome(username: string, homeId: string, storage: Pick<Storage, "setItem"> | null = safeStorage()): void {
  try {
    storage?.setItem(PREFIX + username, homeId);
  } catch {
    // Private browsing or storage full: the choice lasts until the page is reloaded.
  }
}

/** The remembered home when it is still one the person may choose, else the first one. */
export function chooseHome<T extends { id: string }>(available: readonly T[], remembered: string | null): T | null {
  return available.find((home) => home.id === remembered) ?? available[0] ?? null;
}

function safeStorage(): Storage | null {
  try {
    return typeof localStorage === "undefined" ? null : localStorage;
  } catch {
    return null;
  }
}
