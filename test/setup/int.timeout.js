// Integration tests talk to a real broker and database: give them room (no timing assertions).
jest.setTimeout(120_000);
