/**
 * The reader's theme choice. "system" follows the operating system's light or
 * dark setting; "light" and "dark" are saved (`localStorage.theme`) and win
 * over it. The head script applies the saved choice before the first paint.
 */
export type ThemeChoice = "light" | "dark" | "system";

/** The key the choice is saved under, read by the head script and by other open tabs. */
export const THEME_KEY = "theme";

/** A saved value as a choice: anything but "light" or "dark" (nothing saved, a stale value) follows the system. */
export function readChoice(saved: string | null): ThemeChoice {
  return saved === "light" || saved === "dark" ? saved : "system";
}

/**
 * The choice after one press of the toggle. From "system" it goes to the
 * theme the reader is not seeing, so the first press always changes the page;
 * then to the other fixed theme; then back to following the system.
 */
export function nextChoice(current: ThemeChoice, systemDark: boolean): ThemeChoice {
  const order: ThemeChoice[] = systemDark ? ["system", "light", "dark"] : ["system", "dark", "light"];
  return order[(order.indexOf(current) + 1) % 3]!;
}
