import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

import { ERRORS_DOC, renderErrorsDoc } from '../../scripts/docs-errors.js';
import { ERROR_CODES } from '../../src/shared/errors.js';

describe('errors page', () => {
  it('matches the error table', () => {
    assert.equal(readFileSync(ERRORS_DOC, 'utf8'), renderErrorsDoc(), 'run npm run docs:errors');
  });

  it('lists every code once', () => {
    const page = readFileSync(ERRORS_DOC, 'utf8');

    for (const code of Object.keys(ERROR_CODES)) {
      assert.equal(page.split(`| \`${code}\` |`).length - 1, 1, code);
    }
  });
});
