import { describe, expect, it } from 'vitest';
import { toJsonText } from '../../src/report/json-text.js';

describe('JSON text', () => {
  it('indents like JSON.stringify(value, null, 2) but keeps arrays of plain values on one line', () => {
    const value = { a: 1, series: [1, 2, 3], nested: [{ b: 'x' }], empty: [], none: {} };
    expect(toJsonText(value)).toBe(
      '{\n  "a": 1,\n  "series": [1, 2, 3],\n  "nested": [\n    {\n      "b": "x"\n    }\n  ],\n  "empty": [],\n  "none": {}\n}',
    );
    expect(JSON.parse(toJsonText(value))).toEqual(value);
  });

  it('drops undefined members and writes non-finite numbers as null', () => {
    expect(JSON.parse(toJsonText({ gone: undefined, nan: Number.NaN, list: [undefined, Infinity] }))).toEqual({
      nan: null,
      list: [null, null],
    });
  });
});
