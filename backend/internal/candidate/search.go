package candidate

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/stdlib"
	"github.com/lib/pq"
	"github.com/meilisearch/meilisearch-go"
	"gorm.io/gorm"

	"github.com/werkhaven/werkhaven/backend/internal/platform/apperr"
	"github.com/werkhaven/werkhaven/backend/internal/platform/search"
)

// IndexName is the candidates index (without the prefix).
const IndexName = "candidates"

// ProjectionVersion changes when the document shape or the index settings
// do; `werkhaven migrate` then queues a rebuild (app.Migrate). 2: the
// driving licence is derived into skills and id is sortable (Matching v2).
// 3: a lean document read by filters alone (no searchable text).
const ProjectionVersion = "candidates-projection:3"

// Document is the anonymous search projection of a candidate who gave
// consent: public code and the fields a pool filters, ranks and explains
// on, plus ids for filtering. Nothing typed by a person (no experience
// text), no identity. The pool never searches it by words, so it carries
// no text that is only there to be searched (docs/benchmarks.md: a lean
// document indexes several times faster).
type Document struct {
	ID                string         `json:"id"`
	Code              string         `json:"code"`
	RegionID          string         `json:"regionId"`
	Status            string         `json:"status"`
	Occupations       []string       `json:"occupations"`
	OccupationLabels  []string       `json:"occupationLabels"` // shown on the card
	Skills            []string       `json:"skills"`
	EducationRank     int            `json:"educationRank"`
	LanguageCodes     []string       `json:"languageCodes"`
	DrivingLicence    bool           `json:"drivingLicence"`
	OwnTransport      bool           `json:"ownTransport"`
	PC4               string         `json:"pc4,omitempty"`
	PC4Number         int            `json:"pc4Number,omitempty"` // the pool filters areas as runs of numbers
	Geo               map[string]any `json:"_geo,omitempty"`      // the PC4 centroid: the card's distance
	MaxTravelKm       int            `json:"maxTravelKm"`
	HoursMin          int            `json:"hoursMin"`
	HoursMax          int            `json:"hoursMax"`
	AvailableFrom     int64          `json:"availableFrom"` // Unix seconds; 0: now
	Rung              int            `json:"rung"`
	SupportNeeds      []string       `json:"supportNeeds"`
	Doelgroepregister bool           `json:"doelgroepregister"`
	Praktijkroute     bool           `json:"praktijkroute"`
	LKSIndicatie      bool           `json:"lksIndicatie"`
	Consent           bool           `json:"consent"`
	ConfirmedAt       int64          `json:"confirmedAt"`  // Unix seconds: sorts and shows
	ConfirmedDay      int64          `json:"confirmedDay"` // Day(confirmedAt): filters (freshness, expiry)
}

// Index is the candidates index; its settings go in before any document.
// It is read by filters alone: nothing is searchable by words, and each
// filterable attribute says whether it is compared by range (numbers) or
// only by equality (ids, codes, flags), so Meilisearch builds no more than
// the pool asks of it.
var Index = search.Index{
	Name:       IndexName,
	PrimaryKey: "id",
	Settings: &meilisearch.Settings{
		SortableAttributes:  []string{"availableFrom", "confirmedAt", "id"},
		DisplayedAttributes: []string{"*"},
		RankingRules:        []string{"sort"},
		TypoTolerance:       &meilisearch.TypoTolerance{Enabled: false},
	},
	FiltersOnly: true,
	Filterable: []search.Filterable{
		{Attributes: []string{"id", "regionId", "status", "consent", "occupations", "skills", "languageCodes", "drivingLicence", "ownTransport",
			"doelgroepregister", "praktijkroute", "lksIndicatie", "supportNeeds"}},
		{Attributes: []string{"hoursMin", "hoursMax", "availableFrom", "rung", "educationRank", "confirmedDay", "maxTravelKm", "pc4Number"}, Ranges: true},
	},
}

type occupationInfo struct {
	ID    string
	Label string
}

// Source feeds the candidates index from Postgres.
type Source struct {
	DB *gorm.DB
}

// Index satisfies search.Source.
func (Source) Index() search.Index { return Index }

// indexable are the candidates that belong in the index.
const indexable = "consent AND status <> 'erased'"

func (s Source) documents(ctx context.Context, db *gorm.DB, rows []Row) ([]any, error) {
	var occIDs []string
	for _, r := range rows {
		occIDs = append(occIDs, r.Occupations...)
	}
	slices.Sort(occIDs)
	occIDs = slices.Compact(occIDs)
	occ := map[string]string{}
	if len(occIDs) > 0 {
		var err error
		if occ, err = s.occupationLabels(ctx, db, occIDs); err != nil {
			return nil, err
		}
	}
	docs := make([]any, len(rows))
	for i, r := range rows {
		docs[i] = s.document(r, occ)
	}
	return docs, nil
}

// occupationLabels are the labels of the occupations ids (nil: of every
// occupation, for a rebuild), by id.
func (s Source) occupationLabels(ctx context.Context, db *gorm.DB, ids []string) (map[string]string, error) {
	var infos []occupationInfo
	q := db.WithContext(ctx).Table("occupation_labels").Select("id, label")
	if ids != nil {
		q = q.Where("id = ANY(?)", pq.Array(ids))
	}
	if err := q.Find(&infos).Error; err != nil {
		return nil, err
	}
	out := make(map[string]string, len(infos))
	for _, o := range infos {
		out[o.ID] = o.Label
	}
	return out, nil
}

func (s Source) document(r Row, occ map[string]string) Document {
	d := Document{ID: r.ID, Code: r.PublicCode, RegionID: r.RegionID, Status: r.Status, Occupations: strs(r.Occupations),
		Skills: withLicence(r.Skills, r.DrivingLicence), EducationRank: EducationRank(r.Education), DrivingLicence: r.DrivingLicence,
		OwnTransport: r.OwnTransport, SupportNeeds: strs(r.SupportNeeds), Doelgroepregister: r.Doelgroepregister, Praktijkroute: r.Praktijkroute,
		LKSIndicatie: r.LKSIndicatie, Consent: r.Consent, ConfirmedAt: r.ConfirmedAt.Unix(), ConfirmedDay: Day(r.ConfirmedAt), OccupationLabels: []string{}, LanguageCodes: []string{}}
	for _, id := range r.Occupations {
		if label, ok := occ[id]; ok {
			d.OccupationLabels = append(d.OccupationLabels, label)
		}
	}
	for _, l := range r.Languages {
		d.LanguageCodes = append(d.LanguageCodes, l.Code)
	}
	if r.PC4 != nil && r.Lat != nil && r.Lon != nil {
		d.PC4, d.Geo = *r.PC4, map[string]any{"lat": *r.Lat, "lng": *r.Lon}
		d.PC4Number, _ = strconv.Atoi(*r.PC4)
	}
	if r.MaxTravelKm != nil {
		d.MaxTravelKm = *r.MaxTravelKm
	}
	if r.HoursMin != nil {
		d.HoursMin = *r.HoursMin
	}
	if r.HoursMax != nil {
		d.HoursMax = *r.HoursMax
	}
	if r.AvailableFrom != nil {
		d.AvailableFrom = r.AvailableFrom.Unix()
	}
	if r.Rung != nil {
		d.Rung = *r.Rung
	}
	return d
}

// indexFields are the columns a document is built from (not the free text
// of a profile, which the index never holds), each with the Row field it
// is read into: one list for the rebuild's read (Documents) and the live
// sync's (Load), so both build the same document.
var indexFields = []struct {
	column string
	into   func(*Row) any
}{
	{"id", func(r *Row) any { return &r.ID }},
	{"region_id", func(r *Row) any { return &r.RegionID }},
	{"public_code", func(r *Row) any { return &r.PublicCode }},
	{"status", func(r *Row) any { return &r.Status }},
	{"occupations", func(r *Row) any { return (*[]string)(&r.Occupations) }},
	{"skills", func(r *Row) any { return (*[]string)(&r.Skills) }},
	{"education", func(r *Row) any { return &r.Education }},
	{"languages", func(r *Row) any { return &r.Languages }},
	{"driving_licence", func(r *Row) any { return &r.DrivingLicence }},
	{"own_transport", func(r *Row) any { return &r.OwnTransport }},
	{"pc4", func(r *Row) any { return &r.PC4 }},
	{"lat", func(r *Row) any { return &r.Lat }},
	{"lon", func(r *Row) any { return &r.Lon }},
	{"max_travel_km", func(r *Row) any { return &r.MaxTravelKm }},
	{"hours_min", func(r *Row) any { return &r.HoursMin }},
	{"hours_max", func(r *Row) any { return &r.HoursMax }},
	{"available_from", func(r *Row) any { return &r.AvailableFrom }},
	{"rung", func(r *Row) any { return &r.Rung }},
	{"support_needs", func(r *Row) any { return (*[]string)(&r.SupportNeeds) }},
	{"doelgroepregister", func(r *Row) any { return &r.Doelgroepregister }},
	{"praktijkroute", func(r *Row) any { return &r.Praktijkroute }},
	{"lks_indicatie", func(r *Row) any { return &r.LKSIndicatie }},
	{"consent", func(r *Row) any { return &r.Consent }},
	{"confirmed_at", func(r *Row) any { return &r.ConfirmedAt }},
}

func indexColumns() []string {
	out := make([]string, len(indexFields))
	for i, f := range indexFields {
		out[i] = f.column
	}
	return out
}

// Documents satisfies search.Source: consenting, not erased candidates,
// handed on in batches. They are read in one query, a sequential scan
// under one snapshot, on one of the pool's connections as a pgx
// connection, scanned straight into typed fields; the next batch is read
// while the current one is built and handed on, so a rebuild keeps
// Meilisearch busy. A rebuild competes with Meilisearch's indexing for the
// same CPU: GORM's reflection, lib/pq's text arrays and its SQL logger
// took ~75% of 11.7 s of CPU to read a million candidates, and reading
// them in keyset pages by id (an index scan per page, every row on another
// heap page) cost Postgres ~20–50 ms a page where one scan of the table
// takes ~0.6 s (docs/benchmarks.md). The order is the table's: Meilisearch
// does not need one, and changes made while the scan runs are the
// rebuild's catch-up (search.SyncWorker.Rebuild).
func (s Source) Documents(ctx context.Context, batch int, emit func([]any) error) error {
	type page struct {
		rows []Row
		err  error
	}
	sqlDB, err := s.DB.DB()
	if err != nil {
		return err
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	labels, err := s.occupationLabels(ctx, s.DB, nil)
	if err != nil {
		return err
	}
	query := "SELECT " + strings.Join(indexColumns(), ", ") + " FROM candidates WHERE " + indexable
	pages := make(chan page, 1)
	send := func(p page) error {
		select {
		case pages <- p:
			return nil
		case <-ctx.Done(): // the reader stopped
			return ctx.Err()
		}
	}
	go func() {
		defer close(pages)
		conn, err := sqlDB.Conn(ctx)
		if err != nil {
			_ = send(page{err: fmt.Errorf("read candidates: %w", err)})
			return
		}
		defer conn.Close()
		err = conn.Raw(func(dc any) error {
			pc, ok := dc.(*stdlib.Conn)
			if !ok {
				return fmt.Errorf("the database driver is %T, not pgx", dc)
			}
			rows, err := pc.Conn().Query(ctx, query)
			if err != nil {
				return err
			}
			defer rows.Close()
			got := make([]Row, 0, batch)
			targets := make([]any, len(indexFields))
			for rows.Next() {
				got = append(got, Row{}) // within the capacity: the targets stay put
				for i, f := range indexFields {
					targets[i] = f.into(&got[len(got)-1])
				}
				if err := rows.Scan(targets...); err != nil {
					return err
				}
				if len(got) == batch {
					if err := send(page{rows: got}); err != nil {
						return err
					}
					got = make([]Row, 0, batch)
				}
			}
			if err := rows.Err(); err != nil {
				return err
			}
			if len(got) > 0 {
				return send(page{rows: got})
			}
			return nil
		})
		if err != nil && ctx.Err() == nil {
			_ = send(page{err: fmt.Errorf("read candidates: %w", err)})
		}
	}()
	for p := range pages {
		if p.err != nil {
			return p.err
		}
		if len(p.rows) == 0 {
			return nil
		}
		docs := make([]any, len(p.rows))
		for i, r := range p.rows {
			docs[i] = s.document(r, labels)
		}
		if err := emit(docs); err != nil {
			return err
		}
	}
	return ctx.Err()
}

// Count satisfies the reindex progress (documents expected).
func (s Source) Count(ctx context.Context) (int, error) {
	var n int64
	err := s.DB.WithContext(ctx).Model(&Row{}).Where(indexable).Count(&n).Error
	return int(n), err
}

// Load satisfies search.Syncer: consenting, not erased candidates only.
func (s Source) Load(ctx context.Context, db *gorm.DB, ids []string) (map[string]any, error) {
	var rows []Row
	if err := db.WithContext(ctx).Select(indexColumns()).Where(indexable+" AND id IN ?", ids).Find(&rows).Error; err != nil {
		return nil, err
	}
	docs, err := s.documents(ctx, db, rows)
	if err != nil {
		return nil, err
	}
	byID := make(map[string]any, len(rows))
	for i, r := range rows {
		byID[r.ID] = docs[i]
	}
	return byID, nil
}

// ChangedSince satisfies search.Syncer.
func (s Source) ChangedSince(ctx context.Context, db *gorm.DB, t time.Time) ([]string, error) {
	var ids []string
	err := db.WithContext(ctx).Model(&Row{}).Where("updated_at >= ?", t).Pluck("id::text", &ids).Error
	return ids, err
}

// Project is the search projection of one candidate of the region, whether
// or not it is in the index (a klantmanager looking for openings that fit).
func (s Source) Project(ctx context.Context, db *gorm.DB, regionID, id string) (Document, error) {
	var rows []Row
	if err := db.WithContext(ctx).Where("id = ? AND region_id = ? AND status <> 'erased'", id, regionID).Find(&rows).Error; err != nil {
		return Document{}, err
	}
	if len(rows) == 0 {
		return Document{}, fmt.Errorf("project candidate: %w", apperr.ErrNotFound)
	}
	docs, err := s.documents(ctx, db, rows)
	if err != nil {
		return Document{}, err
	}
	return docs[0].(Document), nil
}
