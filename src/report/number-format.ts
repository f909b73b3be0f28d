// Locale-independent number formatting for reports (toLocaleString depends on the machine's
// locale, and the report must read the same everywhere): thousands separators and seconds.

/** "12345.678" with 2 decimals → "12,345.68". Non-finite values read "n/a". */
export function formatGrouped(value: number, decimals: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  const fixed = Math.abs(value).toFixed(decimals);
  const [whole, fraction] = fixed.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const sign = value < 0 && Number(fixed) !== 0 ? '-' : '';
  return sign + grouped + (fraction === undefined ? '' : `.${fraction}`);
}

/** Seconds with a fixed 2 decimals, or 3 when 2 would hide a millisecond part: "10.00s", "0.125s". */
export function formatSecondsPrecise(timeUs: number): string {
  const seconds = timeUs / 1_000_000;
  const twoDecimals = seconds.toFixed(2);
  const precise = Math.abs(seconds * 100 - Math.round(seconds * 100)) > 1e-6;
  return `${precise ? seconds.toFixed(3) : twoDecimals}s`;
}

/** Seconds with only the decimals needed (at most 3): "30s", "2.5s", "0.125s". */
export function formatSecondsShort(timeMs: number): string {
  const seconds = Math.round(timeMs) / 1000;
  return `${Number(seconds.toFixed(3))}s`;
}
