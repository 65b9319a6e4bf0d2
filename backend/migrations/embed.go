// Package migrations holds Werkhaven's schema as goose SQL files, embedded in
// the binary so `werkhaven migrate` needs nothing beside itself. A landed
// migration is never edited; a change is a new file.
package migrations

import "embed"

// FS is the set of goose migrations, in file-name order.
//
//go:embed *.sql
var FS embed.FS
