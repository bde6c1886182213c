/**
 * Copies text and tells everyone: a polite live region that screen readers
 * announce and sighted users see as a brief toast.
 */
export async function copyAndAnnounce(text: string, message: string): Promise<void> {
  let said = message;
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    said = "Copy failed: select the link and copy it by hand";
  }
  const announcer = document.querySelector<HTMLElement>("[data-announcer]");
  if (!announcer) return;
  announcer.textContent = said;
  announcer.style.opacity = "1";
  window.setTimeout(() => {
    announcer.style.opacity = "0";
    announcer.textContent = "";
  }, 2500);
}
