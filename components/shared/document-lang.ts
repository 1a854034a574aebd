/** Called when `<html lang>` changes. */
type LangListener = () => void;

const listeners = new Set<LangListener>();
let observer: MutationObserver | undefined;

/**
 * Calls `listener` whenever the `lang` attribute of `document.documentElement` changes;
 * returns the function that stops it. One observer serves every element and is created on
 * first use, never at import.
 */
export function watchDocumentLang(listener: LangListener): () => void {
  listeners.add(listener);

  if (observer === undefined) {
    observer = new MutationObserver(() => {
      for (const notify of [...listeners]) notify();
    });
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
  }

  return () => {
    listeners.delete(listener);

    if (listeners.size === 0) {
      observer?.disconnect();
      observer = undefined;
    }
  };
}

/** The language of the document, or undefined when it has none. */
export function documentLang(): string | undefined {
  return document.documentElement.lang || undefined;
}
