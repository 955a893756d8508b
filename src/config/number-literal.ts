/** A JSON number: sign, integer digits, fraction digits, exponent. */
const NUMBER_LITERAL = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/;

/**
 * Normalizes a decimal number to one form per value, `digits` then `e` and the exponent, with
 * leading and trailing zeros removed: `1.50e2`, `150` and `15E1` all give `15e1`. Zero has no
 * sign. Returns null for text that is not a JSON number.
 */
function normalizeDecimal(literal: string): string | null {
  const match = NUMBER_LITERAL.exec(literal);
  if (match === null) return null;

  const [, sign = '', integer = '', fraction = '', exponent = '0'] = match;
  const digits = `${integer}${fraction}`.replace(/^0+/, '');
  if (digits === '') return '0';
  const significant = digits.replace(/0+$/, '');
  const power = Number(exponent) - fraction.length + (digits.length - significant.length);
  return `${sign}${significant}e${power}`;
}

/**
 * Describes how JavaScript reads a number written in JSON, when that is not the value written:
 * `, which is out of the range of a JavaScript number` for `1e400`, or `, which a JavaScript
 * number cannot represent exactly, so it reads as 9007199254740992` for 9007199254740993.
 * Returns '' for a number read exactly, such as `-0` or `5.0E1`, and for any other text.
 */
export function describeNumberReading(literal: string): string {
  const written = normalizeDecimal(literal);
  if (written === null) return '';

  const value = Number(literal);
  if (!Number.isFinite(value)) return ', which is out of the range of a JavaScript number';
  // String() writes the shortest decimal that reads back as the same number.
  if (normalizeDecimal(String(value)) === written) return '';
  return `, which a JavaScript number cannot represent exactly, so it reads as ${String(value)}`;
}
