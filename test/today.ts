/**
 * The one "today" of the whole test suite. vitest.config.ts and playwright.config.ts put it in JENJANG_TODAY,
 * so every host, CLI call, demo and web host the tests start (and the renderer, which asks main for the day)
 * lives on this date, whatever day the suite runs. Tests of rules that depend on the month pass their own
 * dates explicitly.
 */
export const TEST_TODAY = '2026-11-24';
