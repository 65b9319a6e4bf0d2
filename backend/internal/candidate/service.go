package candidate

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/werkhaven/werkhaven/backend/internal/audit"
	"github.com/werkhaven/werkhaven/backend/internal/authz"
	"github.com/werkhaven/werkhaven/backend/internal/identity"
	"github.com/werkhaven/werkhaven/backend/internal/opening"
	"github.com/werkhaven/werkhaven/backend/internal/platform/apperr"
	"github.com/werkhaven/werkhaven/backend/internal/platform/database"
	"github.com/werkhaven/werkhaven/backend/internal/platform/geo"
	"github.com/werkhaven/werkhaven/backend/internal/platform/mail"
	"github.com/werkhaven/werkhaven/backend/internal/platform/msg"
	"github.com/werkhaven/werkhaven/backend/internal/platform/search"
	"github.com/werkhaven/werkhaven/backend/internal/skill"
)

// Occupations reads occupations by id (package occupation).
type Occupations interface {
	Labels(ctx context.Context, ids []string) (map[string]string, error)
	Known(ctx context.Context, ids []string) (int, error)
}

// Accounts makes, readdresses and removes a kandidaat's sign-in account
// (package identity), in the caller's transaction.
type Accounts interface {
	CreateKandidaatAccount(ctx context.Context, tx *gorm.DB, regionID, email, displayName string) (string, error)
	SetAccountEmail(ctx context.Context, tx *gorm.DB, userID, email string) error
	DeleteKandidaatAccount(ctx context.Context, tx *gorm.DB, userID string) error
}

// Invites closes a kandidaat's invites that are still under way (package
// invite), in the caller's transaction: erasing a kandidaat ends them.
type Invites interface {
	CloseForErasure(ctx context.Context, tx *gorm.DB, candidateID string) error
}

// Service is the candidates' domain logic.
type Service struct {
	DB          *gorm.DB
	Jobs        search.Inserter
	Skills      *skill.Vocabulary
	Outbox      *mail.Outbox
	Occupations Occupations
	Accounts    Accounts
	// Invites is set once the invite service exists (app.New); erasing
	// needs it.
	Invites Invites
	// Export are the other domains the kandidaat's export reads.
	Export ExportSources
	Now    func() time.Time
}

func (s *Service) now() time.Time {
	if s.Now != nil {
		return s.Now().UTC()
	}
	return time.Now().UTC()
}

// Identity is a candidate's personal data.
type Identity struct {
	Name, Email, Phone, Street, Postcode, Place, Language string
}

// Candidate is a candidate as staff see it (without personal data).
type Candidate struct {
	ID, RegionID, PublicCode, KlantmanagerID string
	HasAccount                               bool
	Profile
	Status      Status
	Consent     bool
	ConsentAt   *time.Time
	ConfirmedAt time.Time
	// ConfirmedVia is how availability was last confirmed ("" at registration).
	ConfirmedVia         string
	RemindedAt           *time.Time
	CreatedAt, UpdatedAt time.Time
	Freshness            Freshness
	Completeness         int
	Missing              []string
	OccupationLabels     []string
}

// withLabels fills the occupation labels of candidates, with one query.
func (s *Service) withLabels(ctx context.Context, cs ...*Candidate) error {
	var ids []string
	for _, c := range cs {
		ids = append(ids, c.Occupations...)
	}
	labels := map[string]string{}
	if len(ids) > 0 {
		var err error
		if labels, err = s.Occupations.Labels(ctx, ids); err != nil {
			return err
		}
	}
	for _, c := range cs {
		c.OccupationLabels = make([]string, len(c.Occupations))
		for i, id := range c.Occupations {
			c.OccupationLabels[i] = labels[id]
		}
	}
	return nil
}

func (s *Service) toCandidate(r Row) Candidate {
	c := Candidate{ID: r.ID, RegionID: r.RegionID, PublicCode: r.PublicCode, KlantmanagerID: r.KlantmanagerID, HasAccount: r.UserID != nil,
		Profile: r.profile(), Status: Status(r.Status), Consent: r.Consent, ConsentAt: r.ConsentAt, ConfirmedAt: r.ConfirmedAt.UTC(), ConfirmedVia: deref(r.ConfirmedVia),
		RemindedAt: r.RemindedAt, CreatedAt: r.CreatedAt.UTC(), UpdatedAt: r.UpdatedAt.UTC(), Freshness: FreshnessOf(r.ConfirmedAt, s.now())}
	c.OccupationLabels = []string{} // filled by withLabels
	c.Completeness, c.Missing = Completeness(c.Profile)
	if c.Missing == nil {
		c.Missing = []string{}
	}
	return c
}

// scope limits candidates to p's: klantmanagers their own caseload, admins
// the region; nobody else (the kandidaat reads through Mine).
func scope(q *gorm.DB, p authz.Principal) *gorm.DB {
	q = q.Where("candidates.region_id = ? AND candidates.status <> ?", p.RegionID, string(Erased))
	switch p.Role {
	case authz.Klantmanager:
		return q.Where("candidates.klantmanager_id = ?", p.UserID)
	case authz.Admin:
		return q
	}
	return q.Where("false")
}

func (s *Service) load(ctx context.Context, db *gorm.DB, p authz.Principal, id string) (Row, error) {
	var r Row
	if err := scope(db.WithContext(ctx).Model(&Row{}), p).Where("candidates.id = ?", id).Take(&r).Error; err != nil {
		return Row{}, database.Translate(err, "load candidate")
	}
	return r, nil
}

// Get loads one candidate of p's caseload.
func (s *Service) Get(ctx context.Context, p authz.Principal, id string) (Candidate, error) {
	r, err := s.load(ctx, s.DB, p, id)
	if err != nil {
		return Candidate{}, err
	}
	c := s.toCandidate(r)
	return c, s.withLabels(ctx, &c)
}

var phoneRe = regexp.MustCompile(`^[0-9 +()-]{0,20}$`)
var emailRe = regexp.MustCompile(`^[^@\s]+@[^@\s]+\.[^@\s]+$`)

// validateIdentity normalises and checks personal data.
func validateIdentity(in *Identity) []apperr.Field {
	var fields apperr.Fields
	add := fields.Add
	in.Name, in.Email, in.Phone = strings.TrimSpace(in.Name), strings.ToLower(strings.TrimSpace(in.Email)), strings.TrimSpace(in.Phone)
	in.Street, in.Place = strings.TrimSpace(in.Street), strings.TrimSpace(in.Place)
	if n := len([]rune(in.Name)); n < 1 || n > 200 {
		add("identity.name", "length", msg.M("candidate.identityNameLength"))
	}
	if in.Email != "" && (!emailRe.MatchString(in.Email) || len(in.Email) > 254) {
		add("identity.email", "format", msg.M("candidate.identityEmailFormat"))
	}
	if !phoneRe.MatchString(in.Phone) {
		add("identity.phone", "pattern", msg.M("candidate.identityPhonePattern"))
	}
	if len(in.Street) > 200 {
		add("identity.street", "maxLength", msg.M("field.maxLength200"))
	}
	if in.Postcode != "" {
		addr, err := geo.ResolveAddress("identity.postcode", in.Postcode)
		var inv *apperr.InvalidError
		if errors.As(err, &inv) {
			fields = append(fields, inv.Fields...)
		} else {
			in.Postcode = addr.Postcode
			if in.Place == "" {
				in.Place = addr.Name
			}
		}
	}
	if in.Language == "" {
		in.Language = "nl"
	}
	if in.Language != "nl" && in.Language != "en" {
		add("identity.language", "enum", msg.M("candidate.identityLanguageEnum"))
	}
	return fields
}

// validateProfile checks a profile against the vocabularies and ranges and
// returns the geocoded PC4 area (if any).
func (s *Service) validateProfile(ctx context.Context, p *Profile) (*geo.Place, []apperr.Field) {
	var fields apperr.Fields
	add := fields.Add
	if len(p.Occupations) > 0 {
		n, _ := s.Occupations.Known(ctx, p.Occupations)
		if n != len(slices.Compact(slices.Sorted(slices.Values(p.Occupations)))) {
			add("occupations", "unknown", msg.M("candidate.occupationsUnknown"))
		}
	}
	if len(p.Occupations) > 5 {
		add("occupations", "maxItems", msg.M("candidate.occupationsMaxItems"))
	}
	fields.List("skills", p.Skills, func(id string) bool { _, ok := s.Skills.Get(id); return ok }, 40)
	if slices.Contains(p.Skills, LicenceSkill) && !p.DrivingLicence {
		add("skills", "licenceDisagrees", msg.M("candidate.licenceDisagrees"))
	}
	in := func(l []string) func(string) bool { return func(v string) bool { return slices.Contains(l, v) } }
	fields.List("days", p.Days, in(opening.Days), 7)
	fields.List("dayParts", p.DayParts, in(opening.DayParts), 4)
	fields.List("supportNeeds", p.SupportNeeds, in(opening.Support), len(opening.Support))
	p.Experience = strings.TrimSpace(p.Experience)
	if len([]rune(p.Experience)) > 1000 {
		add("experience", "maxLength", msg.M("candidate.experienceMaxLength"))
	}
	if p.Education != "" && !slices.Contains(Education, p.Education) {
		add("education", "enum", msg.M("candidate.educationEnum"))
	}
	seenLang := map[string]bool{}
	for i, l := range p.Languages {
		if !slices.Contains(LanguageCodes, l.Code) || seenLang[l.Code] {
			add(fmt.Sprintf("languages[%d].code", i), "unknown", msg.M("candidate.languageUnknown"))
		}
		seenLang[l.Code] = true
		if !slices.Contains(CEFR, l.Level) {
			add(fmt.Sprintf("languages[%d].level", i), "enum", msg.M("candidate.languageLevel"))
		}
	}
	rangeCheck := func(name string, v *int, lo, hi int, reason msg.Message) {
		if v != nil && (*v < lo || *v > hi) {
			add(name, "range", reason)
		}
	}
	rangeCheck("maxTravelKm", p.MaxTravelKm, 1, 150, msg.M("field.travelRange"))
	rangeCheck("hoursMin", p.HoursMin, 1, 60, msg.M("field.hoursPerWeekRange"))
	rangeCheck("hoursMax", p.HoursMax, 1, 60, msg.M("field.hoursPerWeekRange"))
	if p.HoursMin != nil && p.HoursMax != nil && *p.HoursMin > *p.HoursMax {
		add("hoursMax", "minMax", msg.M("field.maximumBelowMinimum"))
	}
	rangeCheck("rung", p.Rung, 1, 6, msg.M("candidate.rungRange"))
	var place *geo.Place
	if p.PC4 != "" {
		pl, err := geo.Lookup(strings.TrimSpace(p.PC4))
		if err != nil {
			add("pc4", "unknown", msg.M("candidate.pc4Unknown"))
		} else {
			place = &pl
		}
	}
	return place, fields
}

func (p Profile) apply(r *Row, place *geo.Place) {
	// The licence is stored once, as the flag; the skill is derived.
	r.Occupations, r.Skills, r.Experience, r.Education = strs(p.Occupations), withLicence(p.Skills, false), p.Experience, p.Education
	r.Languages = languages(p.Languages)
	r.DrivingLicence, r.OwnTransport, r.MaxTravelKm, r.HoursMin, r.HoursMax = p.DrivingLicence, p.OwnTransport, p.MaxTravelKm, p.HoursMin, p.HoursMax
	r.Days, r.DayParts = strs(p.Days), strs(p.DayParts)
	r.AvailableFrom, r.Rung, r.SupportNeeds = p.AvailableFrom, p.Rung, strs(p.SupportNeeds)
	r.Doelgroepregister, r.Praktijkroute, r.LKSIndicatie = p.Doelgroepregister, p.Praktijkroute, p.LKSIndicatie
	r.PC4, r.Lat, r.Lon = nil, nil, nil
	if place != nil {
		pc4, lat, lon := place.PC4, place.Lat, place.Lon
		r.PC4, r.Lat, r.Lon = &pc4, &lat, &lon
	}
}

// codeAlphabet leaves out I and O, which read as 1 and 0.
const codeAlphabet = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ"

func newCode() string {
	b := make([]byte, 5)
	_, _ = rand.Read(b)
	for i := range b {
		b[i] = codeAlphabet[int(b[i])%len(codeAlphabet)]
	}
	return "K-" + string(b)
}

// Create registers a candidate in p's caseload. An e-mail address gives the
// kandidaat an account (sign-in by mailed link; shown by public code only).
func (s *Service) Create(ctx context.Context, p authz.Principal, prof Profile, id Identity, ip string) (Candidate, error) {
	if p.Role != authz.Klantmanager {
		return Candidate{}, fmt.Errorf("only klantmanagers register candidates: %w", apperr.ErrForbidden)
	}
	fields := validateIdentity(&id)
	if prof.PC4 == "" && id.Postcode != "" && !slices.ContainsFunc(fields, func(f apperr.Field) bool { return f.Name == "identity.postcode" }) {
		// Only a postcode that passed is "1234 AB": a short bad one ("d")
		// made the slice below answer 500 (TestContractFuzzing).
		prof.PC4 = id.Postcode[:4]
	}
	place, pf := s.validateProfile(ctx, &prof)
	if fields = append(fields, pf...); len(fields) > 0 {
		return Candidate{}, &apperr.InvalidError{Fields: fields}
	}
	now := s.now()
	r := Row{RegionID: p.RegionID, KlantmanagerID: p.UserID, Status: string(Available), ConfirmedAt: now, CreatedAt: now, UpdatedAt: now}
	prof.apply(&r, place)
	err := s.DB.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		for attempt := 0; ; attempt++ {
			r.PublicCode = newCode()
			err := tx.Transaction(func(sp *gorm.DB) error { return sp.Create(&r).Error })
			if err == nil {
				break
			}
			if !database.IsCode(err, database.CodeUniqueViolation) || attempt > 5 {
				return database.Translate(err, "create candidate")
			}
		}
		if err := s.linkAccount(ctx, tx, &r, id.Email); err != nil {
			return err
		}
		ir := identityRow{CandidateID: r.ID, Name: id.Name, Email: id.Email, Phone: id.Phone, Street: id.Street, Postcode: id.Postcode,
			Place: id.Place, Language: id.Language, UpdatedAt: now}
		if err := tx.Create(&ir).Error; err != nil {
			return database.Translate(err, "create identity")
		}
		if err := audit.Record(ctx, tx, audit.FromPrincipal(ctx, audit.Event{Action: "candidate.created", IP: ip, SubjectType: "candidate", SubjectID: r.ID})); err != nil {
			return err
		}
		return search.Enqueue(ctx, tx, s.Jobs, IndexName, r.ID)
	})
	if err != nil {
		return Candidate{}, err
	}
	c := s.toCandidate(r)
	return c, s.withLabels(ctx, &c)
}

// linkAccount gives the candidate a kandidaat account for email (or moves
// the existing account to a new address; removes it when email is empty).
func (s *Service) linkAccount(ctx context.Context, tx *gorm.DB, r *Row, email string) error {
	switch {
	case email == "" && r.UserID != nil:
		if err := s.Accounts.DeleteKandidaatAccount(ctx, tx, *r.UserID); err != nil {
			return err
		}
		r.UserID = nil
	case email != "" && r.UserID == nil:
		uid, err := s.Accounts.CreateKandidaatAccount(ctx, tx, r.RegionID, email, "Kandidaat "+r.PublicCode)
		if errors.Is(err, apperr.ErrConflict) {
			return apperr.Invalid("identity.email", "unique", msg.M("candidate.identityEmailUnique"))
		}
		if err != nil {
			return err
		}
		r.UserID = &uid
	case email != "":
		err := s.Accounts.SetAccountEmail(ctx, tx, *r.UserID, email)
		if errors.Is(err, apperr.ErrConflict) {
			return apperr.Invalid("identity.email", "unique", msg.M("candidate.identityEmailUnique"))
		}
		if err != nil {
			return err
		}
	}
	return tx.WithContext(ctx).Model(&Row{}).Where("id = ?", r.ID).Update("user_id", r.UserID).Error
}

// UpdateProfile replaces a candidate's profile and status.
func (s *Service) UpdateProfile(ctx context.Context, p authz.Principal, id string, prof Profile, status Status, ip string) (Candidate, error) {
	if !slices.Contains(Statuses, status) {
		return Candidate{}, apperr.Invalid("status", "enum", msg.M("candidate.statusEnum"))
	}
	var out Row
	err := s.DB.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		r, err := s.load(ctx, tx.Clauses(lockRow()), p, id)
		if err != nil {
			return err
		}
		place, fields := s.validateProfile(ctx, &prof)
		if len(fields) > 0 {
			return &apperr.InvalidError{Fields: fields}
		}
		prof.apply(&r, place)
		r.Status, r.UpdatedAt = string(status), s.now()
		if err := tx.Select("*").Omit("id", "region_id", "public_code", "klantmanager_id", "user_id", "consent", "consent_at", "confirmed_at", "confirmed_via",
			"reminded_at", "erased_at", "created_at").Updates(&r).Error; err != nil {
			return database.Translate(err, "update candidate")
		}
		out = r
		if err := audit.Record(ctx, tx, audit.FromPrincipal(ctx, audit.Event{Action: "candidate.profile_updated", IP: ip, SubjectType: "candidate", SubjectID: id})); err != nil {
			return err
		}
		return search.Enqueue(ctx, tx, s.Jobs, IndexName, id)
	})
	if err != nil {
		return Candidate{}, err
	}
	c := s.toCandidate(out)
	return c, s.withLabels(ctx, &c)
}

// Identity reads a candidate's personal data; every read is audited.
func (s *Service) Identity(ctx context.Context, p authz.Principal, id, ip string) (Identity, error) {
	if _, err := s.load(ctx, s.DB, p, id); err != nil {
		return Identity{}, err
	}
	return s.readIdentity(ctx, id, ip, "candidate")
}

// readIdentity is the one place personal data is read; it audits the read.
func (s *Service) readIdentity(ctx context.Context, candidateID, ip, via string) (Identity, error) {
	var ir identityRow
	if err := s.DB.WithContext(ctx).Where("candidate_id = ?", candidateID).Take(&ir).Error; err != nil {
		return Identity{}, database.Translate(err, "load identity")
	}
	if err := audit.Record(ctx, s.DB, audit.FromPrincipal(ctx, audit.Event{Action: "candidate.identity_read", IP: ip,
		SubjectType: "candidate", SubjectID: candidateID, Details: map[string]any{"via": via}})); err != nil {
		return Identity{}, err
	}
	return Identity{Name: ir.Name, Email: ir.Email, Phone: ir.Phone, Street: ir.Street, Postcode: ir.Postcode, Place: ir.Place, Language: ir.Language}, nil
}

// UpdateIdentity replaces a candidate's personal data.
func (s *Service) UpdateIdentity(ctx context.Context, p authz.Principal, id string, in Identity, ip string) (Identity, error) {
	if fields := validateIdentity(&in); len(fields) > 0 {
		return Identity{}, &apperr.InvalidError{Fields: fields}
	}
	err := s.DB.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		r, err := s.load(ctx, tx.Clauses(lockRow()), p, id)
		if err != nil {
			return err
		}
		if err := s.linkAccount(ctx, tx, &r, in.Email); err != nil {
			return err
		}
		if err := tx.Model(&identityRow{}).Where("candidate_id = ?", id).Updates(map[string]any{"name": in.Name, "email": in.Email,
			"phone": in.Phone, "street": in.Street, "postcode": in.Postcode, "place": in.Place, "language": in.Language, "updated_at": s.now()}).Error; err != nil {
			return database.Translate(err, "update identity")
		}
		return audit.Record(ctx, tx, audit.FromPrincipal(ctx, audit.Event{Action: "candidate.identity_updated", IP: ip, SubjectType: "candidate", SubjectID: id}))
	})
	if err != nil {
		return Identity{}, err
	}
	return in, nil
}

// Consent is one recorded consent change.
type Consent struct {
	ID, Method, Note, RecordedByName string
	// RecordedBy is the user who recorded it ("" when removed).
	RecordedBy string
	Given      bool
	RecordedAt time.Time
}

// SetConsent records consent given or withdrawn by the klantmanager (on
// paper or in a conversation). Withdrawal removes the candidate from search
// as soon as the sync job runs (seconds).
func (s *Service) SetConsent(ctx context.Context, p authz.Principal, id string, given bool, method, note, ip string) (Candidate, error) {
	if method != "klantmanager_papier" && method != "klantmanager_gesprek" {
		return Candidate{}, apperr.Invalid("method", "enum", msg.M("candidate.methodEnum"))
	}
	var out Row
	err := s.DB.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		r, err := s.load(ctx, tx.Clauses(lockRow()), p, id)
		if err != nil {
			return err
		}
		out, err = s.recordConsent(ctx, tx, r, given, method, note, &p.UserID, ip)
		return err
	})
	if err != nil {
		return Candidate{}, err
	}
	c := s.toCandidate(out)
	return c, s.withLabels(ctx, &c)
}

func (s *Service) recordConsent(ctx context.Context, tx *gorm.DB, r Row, given bool, method, note string, by *string, ip string) (Row, error) {
	now := s.now()
	if err := tx.Create(&consentRow{CandidateID: r.ID, Given: given, Method: method, RecordedBy: by, Note: strings.TrimSpace(note), RecordedAt: now}).Error; err != nil {
		return Row{}, database.Translate(err, "record consent")
	}
	r.Consent, r.ConsentAt, r.UpdatedAt = given, &now, now
	if err := tx.Model(&Row{}).Where("id = ?", r.ID).Updates(map[string]any{"consent": given, "consent_at": now, "updated_at": now}).Error; err != nil {
		return Row{}, err
	}
	action := "candidate.consent_given"
	if !given {
		action = "candidate.consent_withdrawn"
	}
	if err := audit.Record(ctx, tx, audit.FromPrincipal(ctx, audit.Event{Action: action, IP: ip, SubjectType: "candidate", SubjectID: r.ID,
		Details: map[string]any{"method": method}})); err != nil {
		return Row{}, err
	}
	return r, search.Enqueue(ctx, tx, s.Jobs, IndexName, r.ID)
}

// Consents lists the consent history, newest first.
func (s *Service) Consents(ctx context.Context, p authz.Principal, id string) ([]Consent, error) {
	if _, err := s.load(ctx, s.DB, p, id); err != nil {
		return nil, err
	}
	return s.consents(ctx, s.DB, id)
}

func (s *Service) consents(ctx context.Context, db *gorm.DB, id string) ([]Consent, error) {
	var rows []struct {
		ID, Method, Note, RecordedByName string
		RecordedBy                       string
		Given                            bool
		RecordedAt                       time.Time
	}
	err := db.WithContext(ctx).Table("candidate_consents c").
		Select("c.id, c.method, c.note, c.given, c.recorded_at, coalesce(u.display_name, '') AS recorded_by_name, coalesce(c.recorded_by::text, '') AS recorded_by").
		Joins("LEFT JOIN user_names u ON u.id = c.recorded_by").Where("c.candidate_id = ?", id).
		Order("c.recorded_at DESC").Scan(&rows).Error
	out := make([]Consent, len(rows))
	for i, r := range rows {
		out[i] = Consent(r)
		out[i].RecordedAt = r.RecordedAt.UTC()
	}
	return out, err
}

// Erase carries out AVG art. 17: the identity and the kandidaat's account
// are deleted, free text is cleared, consent ends and the profile leaves
// search; the pseudonymous row stays as an anonymous statistic.
func (s *Service) Erase(ctx context.Context, p authz.Principal, id, ip string) error {
	return s.DB.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		r, err := s.load(ctx, tx.Clauses(lockRow()), p, id)
		if err != nil {
			return err
		}
		if r.UserID != nil {
			if err := s.Accounts.DeleteKandidaatAccount(ctx, tx, *r.UserID); err != nil {
				return err
			}
		}
		if err := s.Invites.CloseForErasure(ctx, tx, id); err != nil {
			return err
		}
		for _, q := range []string{`DELETE FROM candidate_identities WHERE candidate_id = ?`, `DELETE FROM candidate_tokens WHERE candidate_id = ?`,
			`DELETE FROM candidate_consents WHERE candidate_id = ? AND note <> ''`} {
			if err := tx.Exec(q, id).Error; err != nil {
				return err
			}
		}
		now := s.now()
		if err := tx.Model(&Row{}).Where("id = ?", id).Updates(map[string]any{"status": string(Erased), "erased_at": now, "consent": false,
			"experience": "", "user_id": nil, "updated_at": now}).Error; err != nil {
			return err
		}
		if err := audit.Record(ctx, tx, audit.FromPrincipal(ctx, audit.Event{Action: "candidate.erased", IP: ip, SubjectType: "candidate", SubjectID: id})); err != nil {
			return err
		}
		return search.Enqueue(ctx, tx, s.Jobs, IndexName, id)
	})
}

// lockRow locks the loaded candidate row until the transaction ends.
func lockRow() clause.Locking { return clause.Locking{Strength: "UPDATE"} }

// RequestConfirmation mails the kandidaat a link to confirm availability.
func (s *Service) RequestConfirmation(ctx context.Context, p authz.Principal, id, ip string) error {
	return s.DB.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		r, err := s.load(ctx, tx.Clauses(lockRow()), p, id)
		if err != nil {
			return err
		}
		if r.UserID == nil {
			return &apperr.ConflictError{Code: "noEmail", Msg: msg.M("candidate.noEmail")}
		}
		if err := s.mailConfirmation(ctx, tx, r); err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.FromPrincipal(ctx, audit.Event{Action: "candidate.confirmation_requested", IP: ip, SubjectType: "candidate", SubjectID: id}))
	})
}

func (s *Service) mailConfirmation(ctx context.Context, tx *gorm.DB, r Row) error {
	secret, hash := identity.NewSecret()
	now := s.now()
	t := tokenRow{Hash: hash, CandidateID: r.ID, Purpose: "confirm", ExpiresAt: now.Add(ConfirmTTL), CreatedAt: now}
	if err := tx.WithContext(ctx).Create(&t).Error; err != nil {
		return err
	}
	if err := tx.Model(&Row{}).Where("id = ?", r.ID).Update("reminded_at", now).Error; err != nil {
		return err
	}
	return s.Outbox.Enqueue(ctx, tx, *r.UserID, ConfirmationMail, mail.LinkData{Token: secret, ExpiresAt: t.ExpiresAt})
}

// ConfirmationWays are how a klantmanager heard that the candidate's
// profile is still right.
var ConfirmationWays = []string{"gesprek", "telefoon", "mail"}

// ConfirmAfterContact records that the klantmanager went through the
// profile with the candidate (in a conversation, by phone or by mail): the
// availability counts as confirmed now, recorded as the klantmanager's.
func (s *Service) ConfirmAfterContact(ctx context.Context, p authz.Principal, id, how, ip string) (Candidate, error) {
	if !slices.Contains(ConfirmationWays, how) {
		return Candidate{}, apperr.Invalid("how", "enum", msg.M("candidate.confirmHowEnum"))
	}
	err := s.DB.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		r, err := s.load(ctx, tx.Clauses(lockRow()), p, id)
		if err != nil {
			return err
		}
		now, method := s.now(), "klantmanager_"+how
		if err := tx.Model(&Row{}).Where("id = ?", r.ID).
			Updates(map[string]any{"confirmed_at": now, "confirmed_via": method, "reminded_at": nil, "updated_at": now}).Error; err != nil {
			return err
		}
		if err := audit.Record(ctx, tx, audit.FromPrincipal(ctx, audit.Event{Action: "candidate.availability_confirmed", IP: ip,
			SubjectType: "candidate", SubjectID: r.ID, Details: map[string]any{"method": method}})); err != nil {
			return err
		}
		return search.Enqueue(ctx, tx, s.Jobs, IndexName, r.ID)
	})
	if err != nil {
		return Candidate{}, err
	}
	return s.Get(ctx, p, id)
}

// ConfirmWithToken confirms availability from a mailed link (no sign-in);
// consent, when given, is recorded as given by the kandidaat via the link.
// A used, expired or unknown link is apperr.ErrGone.
func (s *Service) ConfirmWithToken(ctx context.Context, token string, consent bool, ip string) error {
	return s.DB.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		var t tokenRow
		now := s.now()
		res := tx.Raw(`UPDATE candidate_tokens SET used_at = ? WHERE hash = ? AND purpose = 'confirm' AND used_at IS NULL AND expires_at > ?
			RETURNING candidate_id`, now, identity.HashSecret(token), now).Scan(&t)
		if res.Error != nil {
			return res.Error
		}
		if t.CandidateID == "" {
			return apperr.ErrGone
		}
		var r Row
		if err := tx.Clauses(lockRow()).Where("id = ? AND status <> ?", t.CandidateID, string(Erased)).Take(&r).Error; err != nil {
			return database.Translate(err, "load candidate")
		}
		return s.confirm(ctx, tx, r, consent, "kandidaat_link", ip)
	})
}

func (s *Service) confirm(ctx context.Context, tx *gorm.DB, r Row, consent bool, method, ip string) error {
	now := s.now()
	if err := tx.Model(&Row{}).Where("id = ?", r.ID).Updates(map[string]any{"confirmed_at": now, "confirmed_via": method, "reminded_at": nil, "updated_at": now}).Error; err != nil {
		return err
	}
	if err := audit.Record(ctx, tx, audit.Event{RegionID: r.RegionID, ActorRole: string(authz.Kandidaat), Action: "candidate.availability_confirmed",
		IP: ip, SubjectType: "candidate", SubjectID: r.ID, Details: map[string]any{"method": method}}); err != nil {
		return err
	}
	if consent && !r.Consent {
		if _, err := s.recordConsent(ctx, tx, r, true, method, "", r.UserID, ip); err != nil {
			return err
		}
		return nil
	}
	return search.Enqueue(ctx, tx, s.Jobs, IndexName, r.ID)
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
