package database

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"

	"gorm.io/gorm"
)

// LoadReference loads a bundled reference data set (ESCO occupations, the
// skills vocabulary) when its files changed since the last load: it runs
// load in one transaction, under an advisory lock so replicas migrating
// together load once, and records the checksum. It reports whether it loaded.
func LoadReference(ctx context.Context, db *gorm.DB, name string, files [][]byte, rows int, load func(tx *gorm.DB) error) (bool, error) {
	h := sha256.New()
	for _, f := range files {
		h.Write(f)
	}
	checksum := hex.EncodeToString(h.Sum(nil))
	loaded := false
	err := db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.Exec(`SELECT pg_advisory_xact_lock(hashtext(?))`, name).Error; err != nil {
			return err
		}
		var current string
		if err := tx.Raw(`SELECT checksum FROM reference_data WHERE name = ?`, name).Scan(&current).Error; err != nil {
			return err
		}
		if current == checksum {
			return nil
		}
		if err := load(tx); err != nil {
			return err
		}
		loaded = true
		return tx.Exec(`INSERT INTO reference_data (name, checksum, rows) VALUES (?, ?, ?)
			ON CONFLICT (name) DO UPDATE SET checksum = EXCLUDED.checksum, rows = EXCLUDED.rows, loaded_at = now()`,
			name, checksum, rows).Error
	})
	if err != nil {
		return false, fmt.Errorf("load %s: %w", name, err)
	}
	return loaded, nil
}
