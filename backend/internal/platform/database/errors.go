package database

import (
	"errors"
	"fmt"

	"gorm.io/gorm"

	"github.com/werkhaven/werkhaven/backend/internal/platform/apperr"
)

// Translate turns a store error into a domain error, naming what failed: no
// row, a foreign key to a missing (or another tenant's) row and a malformed
// uuid are apperr.ErrNotFound; a unique violation is apperr.ErrConflict.
func Translate(err error, what string) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, gorm.ErrRecordNotFound):
		return fmt.Errorf("%s: %w", what, apperr.ErrNotFound)
	case IsCode(err, CodeUniqueViolation):
		return fmt.Errorf("%s: %w", what, apperr.ErrConflict)
	case IsCode(err, CodeForeignKey), IsCode(err, CodeInvalidText):
		return fmt.Errorf("%s: %w", what, apperr.ErrNotFound)
	}
	return fmt.Errorf("%s: %w", what, err)
}

// NullIfEmpty stores an empty text as NULL: for optional text columns whose
// absence is NULL, not ”.
func NullIfEmpty(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
