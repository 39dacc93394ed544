// End-to-end tests start several apps: give them room (no timing assertions).
// A whole hub boots in a test's first step: on a loaded machine that alone can take minutes.
jest.setTimeout(600_000);
