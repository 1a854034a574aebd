// A node:test reporter that counts leaf tests and writes { passed, failed, skipped } as JSON,
// so the runner can print one total line for every suite.
export default async function* countReporter(source) {
  const counts = { passed: 0, failed: 0, skipped: 0 };

  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;

    // Suites report too; only count tests. A file that fails to load reports as a failed
    // test at nesting 0 with no details type.
    if (event.data.details?.type === 'suite') continue;

    if (event.data.skip || event.data.todo) counts.skipped += 1;
    else if (event.type === 'test:pass') counts.passed += 1;
    else counts.failed += 1;
  }

  yield JSON.stringify(counts);
}
