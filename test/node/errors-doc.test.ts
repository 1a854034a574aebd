import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

import { ERRORS_DOC, renderErrorsDoc } from '../../scripts/docs-errors.js';
import { ERROR_CODES } from '../../src/shared/error-table.js';
import { ERROR_AREAS } from '../../src/shared/errors.js';

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

describe('error tables', () => {
  it('list the same codes in the same order', () => {
    assert.deepEqual(Object.keys(ERROR_CODES), Object.keys(ERROR_AREAS));
  });

  it('agree on the area of every code', () => {
    for (const [code, entry] of Object.entries(ERROR_CODES)) {
      assert.equal(entry.area, ERROR_AREAS[code as keyof typeof ERROR_AREAS], code);
    }
  });
});
