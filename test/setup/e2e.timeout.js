// End-to-end tests start several apps: give them room (no timing assertions).
jest.setTimeout(240_000);
