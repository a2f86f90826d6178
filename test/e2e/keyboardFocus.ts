/** Keyboard-only driving: Tab to a control (never a click or a focus() call) and check the focus can be seen. */
import type { Page } from 'playwright-core';

/** What the focused element is and whether its focus ring shows (`:focus-visible` with a ring or outline). */
export function focusState(page: Page): Promise<{ matches: boolean; visible: boolean; label: string }> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!(el instanceof HTMLElement) || el === document.body) return { matches: false, visible: false, label: 'body' };
    const style = getComputedStyle(el);
    const ring = style.boxShadow !== 'none' || (style.outlineStyle !== 'none' && style.outlineWidth !== '0px');
    const label = el.getAttribute('data-testid') ?? el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 40) ?? el.tagName;
    return { matches: true, visible: el.matches(':focus-visible') && ring, label };
  });
}

/**
 * Press Tab (Shift+Tab with `back`) until the focused element matches `selector` (none when it
 * already does); throws after `max` presses. Returns how many presses it took.
 */
export async function tabTo(page: Page, selector: string, { back = false, max = 80 } = {}): Promise<number> {
  if (await page.evaluate((s) => document.activeElement?.matches(s) === true, selector)) return 0;
  for (let presses = 1; presses <= max; presses++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) === true, selector)) return presses;
  }
  throw new Error(`${selector} was not reached with ${max} presses of ${back ? 'Shift+Tab' : 'Tab'}`);
}
