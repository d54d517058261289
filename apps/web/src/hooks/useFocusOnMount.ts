import { type RefObject, useEffect } from 'react';

// The first screen after a page load keeps the browser's initial focus (so that the skip link is
// the first stop); every later screen moves focus to its heading, which makes screen readers
// announce the new page after client-side navigation.
let firstScreen = true;

export function useFocusOnMount(ref: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    if (firstScreen) {
      firstScreen = false;
      return;
    }
    ref.current?.focus();
  }, [ref]);
}
