// Accessibility check for browser tests: runs axe-core on one element (its shadow tree
// included) and fails with every violation listed.
import axe from 'axe-core';

/** Rules that judge a whole page, not the element under test. */
const PAGE_RULES = ['region', 'landmark-one-main', 'page-has-heading-one', 'bypass'];

/**
 * Runs axe-core on `element` and throws one error listing each violation with the rule,
 * its impact and the failing nodes. Colour contrast is checked in the element's current
 * theme, so call it once per theme that matters.
 */
export async function expectAccessible(element: Element): Promise<void> {
  const results = await axe.run(element, {
    resultTypes: ['violations'],
    rules: Object.fromEntries(PAGE_RULES.map((rule) => [rule, { enabled: false }])),
  });

  if (results.violations.length === 0) return;

  const lines = results.violations.flatMap((violation) => [
    `${violation.id} (${violation.impact ?? 'unknown impact'}): ${violation.help}`,
    ...violation.nodes.map(
      (node) => `  at ${JSON.stringify(node.target)}: ${node.failureSummary ?? ''}`,
    ),
  ]);

  throw new Error(`axe-core found ${results.violations.length} violation(s):\n${lines.join('\n')}`);
}
