// A Web Test Runner reporter that counts tests across all sessions and writes
// { passed, failed, skipped } to STARDUST_COUNT_FILE for the runner's total line.
import { writeFileSync } from 'node:fs';

export function countReporter() {
  return {
    onTestRunFinished({ sessions }) {
      const counts = { passed: 0, failed: 0, skipped: 0 };

      for (const session of sessions) {
        if (session.testResults === undefined) {
          // The file failed to load or crashed: count it as one failure.
          if (!session.passed) counts.failed += 1;

          continue;
        }

        countSuite(session.testResults, counts);

        // Errors outside any test (a thrown import, an unhandled rejection) fail the file.
        if (!session.passed && (session.errors?.length ?? 0) > 0) counts.failed += 1;
      }

      const file = process.env.STARDUST_COUNT_FILE;

      if (file) writeFileSync(file, JSON.stringify(counts));
    },
  };
}

function countSuite(suite, counts) {
  for (const test of suite.tests) {
    if (test.skipped) counts.skipped += 1;
    else if (test.passed) counts.passed += 1;
    else counts.failed += 1;
  }

  for (const child of suite.suites) countSuite(child, counts);
}
