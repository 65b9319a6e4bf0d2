package opening

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"

	"gorm.io/gorm"

	"github.com/werkhaven/werkhaven/backend/internal/audit"
	"github.com/werkhaven/werkhaven/backend/internal/authz"
	"github.com/werkhaven/werkhaven/backend/internal/identity"
	"github.com/werkhaven/werkhaven/backend/internal/platform/apperr"
	"github.com/werkhaven/werkhaven/backend/internal/platform/database"
	"github.com/werkhaven/werkhaven/backend/internal/platform/geo"
	"github.com/werkhaven/werkhaven/backend/internal/platform/httpapi"
	"github.com/werkhaven/werkhaven/backend/internal/platform/msg"
	"github.com/werkhaven/werkhaven/backend/internal/platform/search"
	"github.com/werkhaven/werkhaven/backend/internal/skill"
)

// Fixed lists an opening chooses from.
var (
	Days          = []string{"ma", "di", "wo", "do", "vr", "za", "zo"}
	DayParts      = []string{"ochtend", "middag", "avond", "nacht"}
	ContractTypes = []string{"vast", "tijdelijk", "uitzend", "oproep", "leerwerk", "geen"}
	// Support is what an organisation offers to make the work fit; candidates'
	// support needs (later) use the same ids, so the pool can match them.
	Support = []string{"jobcoach", "aangepaste-werkplek", "rustige-werkplek", "vaste-structuur", "flexibele-uren",
		"vaste-begeleider", "opbouw-uren", "eenvoudige-instructies"}
)

// Organisations is what openings need of the organisations (package
// identity): the owner's kind and accountmanager, in the caller's
// transaction.
type Organisations interface {
	Organisation(ctx context.Context, db *gorm.DB, regionID, id string) (identity.Organisation, error)
}

// Occupations checks occupation ids (package occupation).
type Occupations interface {
	Known(ctx context.Context, ids []string) (int, error)
	Labels(ctx context.Context, ids []string) (map[string]string, error)
}

// MaxAcceptable bounds the further occupations an opening accepts.
const MaxAcceptable = 10

// checkAcceptable checks "ook passend": at most MaxAcceptable known
// occupations, none twice and none the main occupation; each wrong one is
// named by its index (acceptableOccupationIds[2]).
func (s *Service) checkAcceptable(ctx context.Context, fields *apperr.Fields, f Fields) error {
	const name = "acceptableOccupationIds"
	if len(f.AcceptableOccupations) > MaxAcceptable {
		fields.Add(name, "maxItems", msg.M("apperr.maxItems", MaxAcceptable))
		return nil
	}
	if len(f.AcceptableOccupations) == 0 {
		return nil
	}
	known, err := s.Occupations.Labels(ctx, f.AcceptableOccupations)
	if err != nil {
		return err
	}
	seen := map[string]bool{}
	for i, id := range f.AcceptableOccupations {
		at := fmt.Sprintf("%s[%d]", name, i)
		switch {
		case known[id] == "":
			fields.Add(at, "unknown", msg.M("opening.acceptableUnknown", id))
		case id == f.OccupationID:
			fields.Add(at, "sameAsMain", msg.M("opening.acceptableSameAsMain"))
		case seen[id]:
			fields.Add(at, "duplicate", msg.M("apperr.duplicate", id))
		}
		seen[id] = true
	}
	return nil
}

// Service is the openings' domain logic.
type Service struct {
	DB            *gorm.DB
	Jobs          search.Inserter
	Skills        *skill.Vocabulary
	Organisations Organisations
	Occupations   Occupations
	Now           func() time.Time
}

func (s *Service) now() time.Time {
	if s.Now != nil {
		return s.Now().UTC()
	}
	return time.Now().UTC()
}

var amsterdam = func() *time.Location {
	loc, err := time.LoadLocation("Europe/Amsterdam")
	if err != nil {
		panic(err)
	}
	return loc
}()

// today is the calendar day in the Netherlands, as a UTC midnight date.
func (s *Service) today() time.Time {
	y, m, d := s.now().In(amsterdam).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// Fields are an opening's editable content.
type Fields struct {
	Kind           Kind
	Title          string
	Description    string
	OccupationID   string
	RequiredSkills []string
	// MandatorySkills are the required skills marked verplicht: they
	// filter the pool; the other required skills rank it.
	MandatorySkills []string
	NiceSkills      []string
	// AcceptableOccupations are further ESCO occupations the organisation
	// accepts beside OccupationID ("ook passend"), at most 10.
	AcceptableOccupations []string
	Postcode              string
	MaxTravelKm           int
	HoursMin              int
	HoursMax              int
	Days                  []string
	DayParts              []string
	ContractType          string
	StartDate             *time.Time
	WageMinCents          int64
	WageMaxCents          int64
	Places                int
	Support               []string
	Banenafspraak         bool
}

// Change is a partial update; nil fields stay as they are.
type Change struct {
	Title, Description, OccupationID, Postcode, ContractType *string
	RequiredSkills, NiceSkills, Days, DayParts, Support      *[]string
	MandatorySkills, AcceptableOccupations                   *[]string
	MaxTravelKm, HoursMin, HoursMax, Places                  *int
	WageMinCents, WageMaxCents                               *int64
	// StartDate: nil keeps it; a pointer to "" clears it ("zo snel mogelijk").
	StartDate     *string
	Banenafspraak *bool
}

// Opening is an opening as callers see it.
type Opening struct {
	ID, RegionID, OrganisationID, OrganisationName string
	State                                          State
	Fields
	OccupationLabel, ISCOGroup string
	// AcceptableLabels are the labels of AcceptableOccupations, in order.
	AcceptableLabels     []string
	PC4, Place           string
	Lat, Lon             float64
	FilledCount          *int
	ReviewRequestedAt    *time.Time
	CreatedAt, UpdatedAt time.Time
	PublishedAt          *time.Time
	// Fairness holds the hits the check finds in the current text.
	Fairness []FairnessHit
}

// AllowedStates lists the states the opening may move to now.
func (o Opening) AllowedStates() []State { return next(o.State) }

// Get loads one opening; another region's or organisation's answers
// apperr.ErrNotFound.
func (s *Service) Get(ctx context.Context, p authz.Principal, id string) (Opening, error) {
	var v viewRow
	err := scope(s.view(s.DB.WithContext(ctx)), p).Where("o.id = ?", id).Take(&v).Error
	if err != nil {
		return Opening{}, database.Translate(err, "load opening")
	}
	return v.toOpening(), nil
}

// ListFilter narrows List.
type ListFilter struct {
	OrganisationID string
	States         []State
	Q              string // words in the title or the organisation's name
	Sort           string // updatedAt, createdAt, title, organisation, state; '-' first for descending; default -updatedAt
}

// openingSorts maps the openings list's sort fields onto columns.
var openingSorts = map[string]string{"updatedAt": "o.updated_at", "createdAt": "o.created_at", "title": "lower(o.title)", "organisation": "org.name", "state": "o.state"}

// List returns the openings p may see, most recently changed first.
func (s *Service) List(ctx context.Context, p authz.Principal, f ListFilter) ([]Opening, error) {
	q := scope(s.view(s.DB.WithContext(ctx)), p)
	if f.OrganisationID != "" {
		q = q.Where("o.organisation_id = ?", f.OrganisationID)
	}
	if len(f.States) > 0 {
		states := make([]string, len(f.States))
		for i, st := range f.States {
			states[i] = string(st)
		}
		q = q.Where("o.state IN ?", states)
	}
	for _, w := range httpapi.Words(f.Q) {
		q = q.Where("(o.title ILIKE ? OR org.name ILIKE ?)", httpapi.Like(w), httpapi.Like(w))
	}
	var rows []viewRow
	if err := q.Order(httpapi.OrderBy(cmp.Or(f.Sort, "-updatedAt"), openingSorts, "o.id")).Limit(1000).Find(&rows).Error; err != nil {
		return nil, database.Translate(err, "list openings")
	}
	out := make([]Opening, len(rows))
	for i, r := range rows {
		out[i] = r.toOpening()
	}
	return out, nil
}

// writableOrganisation loads the organisation p may post openings for:
// organisation users their own; accountmanagers those in their portfolio
// (another's answers 403: staff may read the region); admins any in the region.
func (s *Service) writableOrganisation(ctx context.Context, tx *gorm.DB, p authz.Principal, orgID string) (identity.Organisation, error) {
	if !p.Role.IsOrganisationRole() && !p.Has(authz.Admin, authz.Accountmanager) {
		return identity.Organisation{}, fmt.Errorf("write opening: %w", apperr.ErrForbidden)
	}
	if p.Role.IsOrganisationRole() && orgID != p.OrganisationID {
		return identity.Organisation{}, fmt.Errorf("load organisation: %w", apperr.ErrNotFound)
	}
	org, err := s.Organisations.Organisation(ctx, tx, p.RegionID, orgID)
	if err != nil {
		return identity.Organisation{}, err
	}
	if p.Role == authz.Accountmanager && org.AccountmanagerID != p.UserID {
		return identity.Organisation{}, fmt.Errorf("organisation outside portfolio: %w", apperr.ErrForbidden)
	}
	return org, nil
}

// validate checks the fields an opening would have after a create or an
// update, collecting every problem, and returns the geocoded place.
func (s *Service) validate(ctx context.Context, orgKind string, f *Fields, startChanged bool) (geo.Place, error) {
	var fields apperr.Fields
	add := fields.Add
	f.Title = strings.TrimSpace(f.Title)
	f.Description = strings.TrimSpace(strings.ReplaceAll(f.Description, "\r\n", "\n"))
	if n := len([]rune(f.Title)); n < 3 || n > 120 {
		add("title", "length", msg.M("opening.titleLength"))
	}
	if hasControl(f.Title, false) {
		add("title", "pattern", msg.M("opening.titlePattern"))
	}
	if len([]rune(f.Description)) > 5000 {
		add("description", "maxLength", msg.M("opening.descriptionMaxLength"))
	}
	if hasControl(f.Description, true) {
		add("description", "pattern", msg.M("opening.descriptionPattern"))
	}
	if !slices.Contains(KindsFor(orgKind), f.Kind) || orgKind == "dienstverlener" {
		add("kind", "notAllowed", msg.M("opening.kindNotAllowed", f.Kind))
	}
	n, err := s.Occupations.Known(ctx, []string{f.OccupationID})
	if err != nil {
		return geo.Place{}, err
	}
	if n == 0 {
		add("occupationId", "unknown", msg.M("opening.occupationIdUnknown"))
	}
	isSkill := func(id string) bool { _, ok := s.Skills.Get(id); return ok }
	checkList := fields.List
	checkList("requiredSkills", f.RequiredSkills, isSkill, 20)
	checkList("niceSkills", f.NiceSkills, isSkill, 20)
	for _, id := range f.MandatorySkills {
		if !slices.Contains(f.RequiredSkills, id) {
			add("mandatorySkills", "notRequired", msg.M("opening.mandatorySkillsNotRequired", id))
		}
	}
	if err := s.checkAcceptable(ctx, &fields, *f); err != nil {
		return geo.Place{}, err
	}
	for _, id := range f.NiceSkills {
		if slices.Contains(f.RequiredSkills, id) {
			add("niceSkills", "duplicate", msg.M("opening.niceSkillsDuplicate"))
			break
		}
	}
	in := func(list []string) func(string) bool { return func(v string) bool { return slices.Contains(list, v) } }
	checkList("days", f.Days, in(Days), len(Days))
	checkList("dayParts", f.DayParts, in(DayParts), len(DayParts))
	checkList("support", f.Support, in(Support), len(Support))
	if !slices.Contains(ContractTypes, f.ContractType) {
		add("contractType", "enum", msg.M("opening.contractTypeEnum"))
	} else if (f.Kind == Proefplaats || f.Kind == Participatieplek) != (f.ContractType == "geen") {
		add("contractType", "notAllowed", msg.M("opening.contractTypeNotAllowed"))
	}
	if f.MaxTravelKm < 1 || f.MaxTravelKm > 150 {
		add("maxTravelKm", "range", msg.M("field.travelRange"))
	}
	if f.Places > 500 {
		add("places", "maximum", msg.M("opening.placesMaximum"))
	}
	terms := Terms{Kind: f.Kind, HoursMin: f.HoursMin, HoursMax: f.HoursMax, WageMinCents: f.WageMinCents, WageMaxCents: f.WageMaxCents,
		Places: f.Places, IsNew: startChanged, Today: s.today()}
	if f.StartDate != nil {
		terms.StartDate = *f.StartDate
	}
	var inv *apperr.InvalidError
	if err := CheckTerms(terms); errors.As(err, &inv) {
		fields = append(fields, inv.Fields...)
	}
	place, err := geo.ResolveAddress("postcode", f.Postcode)
	if err != nil {
		if errors.As(err, &inv) {
			fields = append(fields, inv.Fields...)
		} else {
			return geo.Place{}, err
		}
	} else {
		f.Postcode = place.Postcode
	}
	if len(fields) > 0 {
		return geo.Place{}, &apperr.InvalidError{Fields: fields}
	}
	return place.Place, nil
}

func hasControl(s string, multiline bool) bool {
	for _, r := range s {
		if unicode.IsControl(r) && !(multiline && (r == '\n' || r == '\t')) {
			return true
		}
	}
	return false
}

// sortedBy orders values as they appear in order (days in week order).
func sortedBy(values, order []string) []string {
	out := []string{}
	for _, v := range order {
		if slices.Contains(values, v) {
			out = append(out, v)
		}
	}
	return out
}

// Create stores a new opening as a draft.
func (s *Service) Create(ctx context.Context, p authz.Principal, orgID string, f Fields, ip string) (Opening, error) {
	org, err := s.writableOrganisation(ctx, s.DB, p, orgID)
	if err != nil {
		return Opening{}, err
	}
	place, err := s.validate(ctx, org.Kind, &f, true)
	if err != nil {
		return Opening{}, err
	}
	now := s.now()
	r := Row{RegionID: p.RegionID, OrganisationID: org.ID, State: string(Draft), CreatedBy: p.UserID, CreatedAt: now, UpdatedAt: now}
	f.toRow(&r, place)
	err = s.DB.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.Create(&r).Error; err != nil {
			return database.Translate(err, "create opening")
		}
		if err := appendEvent(ctx, tx, r, p, eventCreated, "", Draft, now); err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.FromPrincipal(ctx, audit.Event{Action: "opening.created", IP: ip,
			SubjectType: "opening", SubjectID: r.ID, Details: map[string]any{"organisationId": org.ID, "kind": r.Kind}}))
	})
	if err != nil {
		return Opening{}, err
	}
	return s.Get(ctx, p, r.ID)
}

// Update changes an opening's content. Filled and closed openings are
// history and cannot change (409). The text of an open opening must pass the
// fairness check: it is live, so a hit refuses the change.
func (s *Service) Update(ctx context.Context, p authz.Principal, id string, ch Change, ip string) (Opening, error) {
	err := s.DB.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		r, org, err := s.lockForWrite(ctx, tx, p, id)
		if err != nil {
			return err
		}
		if st := State(r.State); st == Filled || st == Closed {
			return &apperr.ConflictError{Code: "openingFinished", Msg: msg.M("opening.finished", stateNL[st], string(st))}
		}
		f := r.fields()
		changed, startChanged, err := apply(&f, ch)
		if err != nil {
			return err
		}
		place, err := s.validate(ctx, org.Kind, &f, startChanged)
		if err != nil {
			return err
		}
		if State(r.State) == Open {
			if hits := CheckFairness(f.Title, f.Description); len(hits) > 0 {
				return fairnessConflict(hits, msg.M("opening.publishedTextBlocked"))
			}
		}
		f.toRow(&r, place)
		r.UpdatedAt = s.now()
		if err := tx.Select("*").Omit("id", "region_id", "organisation_id", "state", "filled_count", "created_by", "created_at", "published_at", "review_requested_at").
			Updates(&r).Error; err != nil {
			return database.Translate(err, "update opening")
		}
		if err := s.enqueueSync(ctx, tx, r); err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.FromPrincipal(ctx, audit.Event{Action: "opening.updated", IP: ip,
			SubjectType: "opening", SubjectID: id, Details: map[string]any{"fields": changed}}))
	})
	if err != nil {
		return Opening{}, err
	}
	return s.Get(ctx, p, id)
}

// apply sets the changed fields and names them.
func apply(f *Fields, ch Change) (changed []string, startChanged bool, err error) {
	setS := func(name string, dst *string, v *string) {
		if v != nil {
			*dst = *v
			changed = append(changed, name)
		}
	}
	setL := func(name string, dst *[]string, v *[]string) {
		if v != nil {
			*dst = *v
			changed = append(changed, name)
		}
	}
	setI := func(name string, dst *int, v *int) {
		if v != nil {
			*dst = *v
			changed = append(changed, name)
		}
	}
	setW := func(name string, dst *int64, v *int64) {
		if v != nil {
			*dst = *v
			changed = append(changed, name)
		}
	}
	setS("title", &f.Title, ch.Title)
	setS("description", &f.Description, ch.Description)
	setS("occupationId", &f.OccupationID, ch.OccupationID)
	setS("postcode", &f.Postcode, ch.Postcode)
	setS("contractType", &f.ContractType, ch.ContractType)
	setL("requiredSkills", &f.RequiredSkills, ch.RequiredSkills)
	setL("niceSkills", &f.NiceSkills, ch.NiceSkills)
	setL("mandatorySkills", &f.MandatorySkills, ch.MandatorySkills)
	setL("acceptableOccupationIds", &f.AcceptableOccupations, ch.AcceptableOccupations)
	setL("days", &f.Days, ch.Days)
	setL("dayParts", &f.DayParts, ch.DayParts)
	setL("support", &f.Support, ch.Support)
	setI("maxTravelKm", &f.MaxTravelKm, ch.MaxTravelKm)
	setI("hoursMin", &f.HoursMin, ch.HoursMin)
	setI("hoursMax", &f.HoursMax, ch.HoursMax)
	setI("places", &f.Places, ch.Places)
	setW("wageMinCents", &f.WageMinCents, ch.WageMinCents)
	setW("wageMaxCents", &f.WageMaxCents, ch.WageMaxCents)
	if ch.Banenafspraak != nil {
		f.Banenafspraak = *ch.Banenafspraak
		changed = append(changed, "banenafspraak")
	}
	if ch.StartDate != nil {
		changed = append(changed, "startDate")
		d, err := httpapi.ParseDate("startDate", *ch.StartDate)
		if err != nil {
			return nil, false, err
		}
		startChanged = d != nil && (f.StartDate == nil || !d.Equal(*f.StartDate))
		f.StartDate = d
	}
	return changed, startChanged, nil
}

func fairnessConflict(hits []FairnessHit, detail msg.Message) error {
	ce := &apperr.ConflictError{Code: "fairness", Msg: detail}
	for _, h := range hits {
		ce.Fields = append(ce.Fields, apperr.Field{Name: h.Field, Code: "fairness." + string(h.Category),
			Msg: msg.M("opening.fairnessHit", h.Match, h.ReasonNL, h.ReasonEN)})
	}
	return ce
}

// StateChange asks for a transition.
type StateChange struct {
	To State
	// FilledCount is required when To is Filled: how many places were filled.
	FilledCount *int
	// OverrideReason lets an accountmanager or admin publish text the
	// fairness check flags, after review (e.g. a legal age limit). The hits
	// and the reason are recorded.
	OverrideReason string
}

// Transition moves an opening to another state. Publishing runs the
// fairness check: hits are recorded for the accountmanager and block the
// change (409 naming each phrase) unless staff override with a reason.
func (s *Service) Transition(ctx context.Context, p authz.Principal, id string, sc StateChange, ip string) (Opening, error) {
	var blocked error
	err := s.DB.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		r, _, err := s.lockForWrite(ctx, tx, p, id)
		if err != nil {
			return err
		}
		from := State(r.State)
		if err := Check(from, sc.To, actorOf(p)); err != nil {
			return err
		}
		if sc.OverrideReason != "" && (sc.To != Open || !p.Has(authz.Admin, authz.Accountmanager)) {
			return apperr.Invalid("overrideReason", "notAllowed", msg.M("opening.overrideReasonNotAllowed"))
		}
		if sc.FilledCount != nil && sc.To != Filled {
			return apperr.Invalid("filledCount", "notAllowed", msg.M("opening.filledCountNotAllowed"))
		}
		now := s.now()
		updates := map[string]any{"state": string(sc.To), "updated_at": now}
		details := map[string]any{"from": string(from), "to": string(sc.To)}
		switch sc.To {
		case Open:
			if hits := CheckFairness(r.Title, r.Description); len(hits) > 0 {
				outcome := "blocked"
				if sc.OverrideReason != "" {
					outcome = "overridden"
				}
				if err := s.recordHits(ctx, tx, p, r, hits, outcome, sc.OverrideReason); err != nil {
					return err
				}
				details["fairnessHits"] = len(hits)
				if outcome == "blocked" {
					// The hits are kept (this transaction commits); the
					// transition is refused.
					blocked = fairnessConflict(hits, msg.M("opening.publishBlocked"))
					return audit.Record(ctx, tx, audit.FromPrincipal(ctx, audit.Event{Action: "opening.publish_blocked", Outcome: audit.Denied,
						IP: ip, SubjectType: "opening", SubjectID: id, Details: details}))
				}
				details["override"] = true
			}
			if r.PublishedAt == nil {
				updates["published_at"] = now
			}
			updates["review_requested_at"] = nil
		case Filled:
			if sc.FilledCount == nil || *sc.FilledCount < 0 || *sc.FilledCount > r.Places {
				return apperr.Invalid("filledCount", "range", msg.M("opening.filledCountRange", r.Places))
			}
			updates["filled_count"] = *sc.FilledCount
			details["filledCount"] = *sc.FilledCount
		}
		if err := tx.Model(&Row{}).Where("id = ?", id).Updates(updates).Error; err != nil {
			return database.Translate(err, "change state")
		}
		r.State = string(sc.To)
		if err := appendEvent(ctx, tx, r, p, eventStateChanged, from, sc.To, now); err != nil {
			return err
		}
		if err := s.enqueueSync(ctx, tx, r); err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.FromPrincipal(ctx, audit.Event{Action: "opening.state_changed", IP: ip,
			SubjectType: "opening", SubjectID: id, Details: details}))
	})
	if err == nil {
		err = blocked
	}
	if err != nil {
		return Opening{}, err
	}
	return s.Get(ctx, p, id)
}

func (s *Service) recordHits(ctx context.Context, tx *gorm.DB, p authz.Principal, r Row, hits []FairnessHit, outcome, reason string) error {
	rows := make([]hitRow, len(hits))
	for i, h := range hits {
		rows[i] = hitRow{OpeningID: r.ID, RegionID: r.RegionID, OrganisationID: r.OrganisationID, ActorUserID: p.UserID,
			Rule: h.Rule, Category: string(h.Category), Field: h.Field, Match: h.Match, Outcome: outcome, OverrideReason: reason, CreatedAt: s.now()}
	}
	return database.Translate(tx.WithContext(ctx).Create(&rows).Error, "record fairness hits")
}

// RecordedHit is a stored fairness hit with who ran into it.
type RecordedHit struct {
	ID, Rule, Category, Field, Match, Outcome, OverrideReason string
	ActorName                                                 string
	CreatedAt                                                 time.Time
}

// Hits lists the recorded fairness hits of an opening, newest first (staff).
func (s *Service) Hits(ctx context.Context, p authz.Principal, id string) ([]RecordedHit, error) {
	if _, err := s.Get(ctx, p, id); err != nil {
		return nil, err
	}
	var rows []struct {
		ID, Rule, Category, Field, Match, Outcome, OverrideReason, ActorName string
		CreatedAt                                                            time.Time
	}
	err := s.DB.WithContext(ctx).Table("fairness_hits h").
		Select("h.id, h.rule, h.category, h.field, h.match, h.outcome, h.override_reason, h.created_at, u.display_name AS actor_name").
		Joins("JOIN user_names u ON u.id = h.actor_user_id").Where("h.opening_id = ? AND h.region_id = ?", id, p.RegionID).
		Order("h.created_at DESC, h.id").Limit(500).Scan(&rows).Error
	if err != nil {
		return nil, err
	}
	out := make([]RecordedHit, len(rows))
	for i, r := range rows {
		out[i] = RecordedHit(r)
		out[i].CreatedAt = r.CreatedAt.UTC()
	}
	return out, nil
}

// RequestReview asks the organisation's accountmanager to look at the text
// (typically after the fairness check flagged it). It shows in the portfolio.
func (s *Service) RequestReview(ctx context.Context, p authz.Principal, id, ip string) (Opening, error) {
	err := s.DB.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		r, _, err := s.lockForWrite(ctx, tx, p, id)
		if err != nil {
			return err
		}
		if State(r.State) != Draft && State(r.State) != Paused {
			return &apperr.ConflictError{Code: "reviewNotNeeded", Msg: msg.M("opening.reviewNotNeeded")}
		}
		if r.ReviewRequestedAt != nil {
			return nil // asked already: idempotent
		}
		now := s.now()
		if err := tx.Model(&Row{}).Where("id = ?", id).Update("review_requested_at", now).Error; err != nil {
			return err
		}
		if err := appendEvent(ctx, tx, r, p, eventReviewRequested, State(r.State), State(r.State), now); err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.FromPrincipal(ctx, audit.Event{Action: "opening.review_requested", IP: ip,
			SubjectType: "opening", SubjectID: id}))
	})
	if err != nil {
		return Opening{}, err
	}
	return s.Get(ctx, p, id)
}
