// Fixtures for element tests: render markup into a fresh container and remove every
// container after each test, so no test sees another's elements.
import { render, type TemplateResult } from 'lit';

const containers: HTMLElement[] = [];

/**
 * Renders `template` into a new container in the document and returns its first element
 * once that element (if it is a lit element) has finished its first update.
 */
export async function fixture<T extends Element>(template: TemplateResult): Promise<T> {
  const container = document.createElement('div');

  containers.push(container);
  document.body.append(container);
  render(template, container);

  const element = container.firstElementChild as T | null;

  if (element === null) throw new Error('fixture: the template rendered no element');

  await settled(element);

  return element;
}

/** Waits until `element` and every lit element below it in light DOM have updated. */
export async function settled(element: Element): Promise<void> {
  const pending = [element, ...element.querySelectorAll('*')]
    .map((node) => (node as Partial<{ updateComplete: Promise<unknown> }>).updateComplete)
    .filter((promise) => promise !== undefined);

  await Promise.all(pending);
}

/** Removes every container a fixture made. Call it in `afterEach`. */
export function cleanupFixtures(): void {
  for (const container of containers.splice(0)) container.remove();
}

/** Resolves with the next `type` event dispatched on `target`. */
export function nextEvent<E extends Event>(target: EventTarget, type: string): Promise<E> {
  return new Promise((resolve) => {
    target.addEventListener(type, (event) => resolve(event as E), { once: true });
  });
}
