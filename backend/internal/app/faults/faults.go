// Package faults holds Werkhaven's fault tests: the whole application
// (apptest) against a PostgreSQL and a Meilisearch of the test's own
// (testkit.StartPostgres, testkit.StartMeili), which the tests restart,
// stop or freeze while requests run, and then compare what the API
// answered with what Postgres and the index hold. The package has no code
// of its own; its figures are in docs/operations.md. The tests run one after
// another, not in parallel: each holds a bound (2 s, 5 s, 10 s) that a
// neighbour's 200 requests or restarted server would only blur.
//
// Invariants the tests hold the application to:
//   - A dependency that hangs or goes away is a clean 503 naming it
//     (searchUnavailable, databaseUnavailable), within a bound, never a 500
//     and never a hang.
//   - What does not need the failing dependency keeps working.
//   - Nothing is lost: every answered write exists exactly once, and the
//     index catches up with Postgres once search is back.
package faults
