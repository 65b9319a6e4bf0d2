package skill

import (
	"context"
	"fmt"

	"github.com/lib/pq"
	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/werkhaven/werkhaven/backend/internal/platform/database"
)

type skillRow struct {
	ID       string `gorm:"primaryKey"`
	Category string
	LabelNL  string         `gorm:"column:label_nl"`
	LabelEN  string         `gorm:"column:label_en"`
	Synonyms pq.StringArray `gorm:"type:text[]"`
}

func (skillRow) TableName() string { return "skills" }

// Store puts the vocabulary into Postgres (so openings and candidates can
// reference skill ids with a foreign key) when the bundled file changed.
func Store(ctx context.Context, db *gorm.DB, v *Vocabulary) (int, error) {
	rows := make([]skillRow, len(v.All))
	for i, s := range v.All {
		syn := pq.StringArray(s.Synonyms)
		if syn == nil {
			syn = pq.StringArray{}
		}
		rows[i] = skillRow{ID: s.ID, Category: s.Category, LabelNL: s.LabelNL, LabelEN: s.LabelEN, Synonyms: syn}
	}
	loaded, err := database.LoadReference(ctx, db, "skills-nl", [][]byte{skillsJSON}, len(rows), func(tx *gorm.DB) error {
		if err := tx.Clauses(clause.OnConflict{UpdateAll: true}).CreateInBatches(rows, 500).Error; err != nil {
			return fmt.Errorf("skills: %w", err)
		}
		return nil
	})
	if err != nil || !loaded {
		return 0, err
	}
	return len(rows), nil
}
