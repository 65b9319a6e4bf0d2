package invite

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"gorm.io/gorm"

	"github.com/werkhaven/werkhaven/backend/internal/audit"
	"github.com/werkhaven/werkhaven/backend/internal/authz"
	"github.com/werkhaven/werkhaven/backend/internal/notification"
	"github.com/werkhaven/werkhaven/backend/internal/platform/apperr"
	"github.com/werkhaven/werkhaven/backend/internal/platform/database"
	"github.com/werkhaven/werkhaven/backend/internal/platform/msg"
)

// Contact returns what the kandidaat shared with the organisation by
// accepting, to that organisation's users only, while the disclosure holds.
// Every read is audited (candidate.identity_read, via the invite).
func (s *Service) Contact(ctx context.Context, p authz.Principal, id, ip string) (Contact, error) {
	if !p.Role.IsOrganisationRole() {
		return Contact{}, fmt.Errorf("contact: %w", apperr.ErrForbidden)
	}
	v, err := load(ctx, s.DB, p, id, false)
	if err != nil {
		return Contact{}, err
	}
	if !v.Disclosed {
		return Contact{}, &apperr.ConflictError{Code: "notDisclosed", Msg: msg.M("invite.notSharing")}
	}
	ident, err := s.Candidates.Disclose(ctx, v.CandidateID, v.ID, ip)
	if err != nil {
		return Contact{}, err
	}
	c := Contact{Name: ident.Name, Email: ident.Email}
	if v.SharePhone {
		c.Phone = ident.Phone
	}
	return c, nil
}

// Intake is a planned introductory meeting.
type Intake struct {
	At    time.Time
	Mode  string // op_locatie, online, telefonisch
	Place string
}

// PlanIntake records (or moves) the intake of an accepted invite.
func (s *Service) PlanIntake(ctx context.Context, p authz.Principal, id string, in Intake, ip string) (Invite, error) {
	var bad apperr.Fields
	if !slices.Contains(IntakeModes, in.Mode) {
		bad.Add("mode", "enum", msg.M("invite.modeEnum"))
	}
	in.Place = strings.TrimSpace(in.Place)
	if utf8.RuneCountInString(in.Place) > 200 {
		bad.Add("place", "maxLength", msg.M("field.maxLength200"))
	}
	if in.Mode == "op_locatie" && in.Place == "" {
		bad.Add("place", "required", msg.M("invite.placeRequired"))
	}
	if in.At.Before(s.now().Add(-24*time.Hour)) || in.At.After(s.now().AddDate(1, 0, 0)) {
		bad.Add("at", "range", msg.M("invite.atRange"))
	}
	if len(bad) > 0 {
		return Invite{}, &apperr.InvalidError{Fields: bad}
	}
	return s.step(ctx, p, id, ip, "invite.intake_planned", func(tx *gorm.DB, v *viewRow) (map[string]any, error) {
		if err := s.move(ctx, tx, v, IntakePlanned, ActorOf(p), p.UserID, "", map[string]any{"intake_at": in.At.UTC(), "intake_mode": in.Mode, "intake_place": in.Place}); err != nil {
			return nil, err
		}
		return nil, s.tellKandidaat(ctx, tx, *v, intakeNotice(*v, in, s.askFor(ctx, tx, p)))
	})
}

// tellKandidaat tells the kandidaat of invite v, in the app and (unless
// they turned it off) by mail, in their language. A candidate without an
// account hears it from their klantmanager.
func (s *Service) tellKandidaat(ctx context.Context, tx *gorm.DB, v viewRow, n notification.Notice) error {
	uid, err := s.Candidates.UserID(ctx, tx, v.CandidateID)
	if err != nil || uid == "" {
		return err
	}
	n.Link = "/mijn-uitnodigingen/" + v.ID
	return s.Notify.Notify(ctx, tx, n, uid)
}

// askFor is whom the kandidaat asks for at the organisation: the user who
// planned the step (their name is the organisation's, not personal data
// of the kandidaat).
func (s *Service) askFor(ctx context.Context, tx *gorm.DB, p authz.Principal) string {
	var name string
	_ = tx.WithContext(ctx).Raw(`SELECT display_name FROM user_names WHERE id = ?`, p.UserID).Row().Scan(&name)
	return name
}

var (
	weekdayNL = [...]string{"zondag", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag"}
	monthNL   = [...]string{"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"}
)

// intakeNotice says in B1 words when and where the talk is and whom to ask for.
func intakeNotice(v viewRow, in Intake, who string) notification.Notice {
	at := in.At.In(amsterdam)
	dayNL := fmt.Sprintf("%s %d %s om %s uur", weekdayNL[at.Weekday()], at.Day(), monthNL[at.Month()-1], at.Format("15:04"))
	dayEN := at.Format("Monday 2 January at 15:04")
	var whereNL, whereEN string
	switch in.Mode {
	case "online":
		whereNL, whereEN = "Het gesprek is online. U krijgt de link van de werkgever.", "The talk is online. The employer sends you the link."
	case "telefonisch":
		whereNL, whereEN = "Het gesprek is aan de telefoon. De werkgever belt u.", "The talk is on the phone. The employer calls you."
	default:
		whereNL, whereEN = "Waar: "+in.Place+".", "Where: "+in.Place+"."
	}
	askNL, askEN := "", ""
	if who != "" {
		askNL, askEN = " Vraag naar "+who+".", " Ask for "+who+"."
	}
	return notification.Notice{Kind: notification.IntakePlanned,
		TitleNL: fmt.Sprintf("%s wil met u praten over het werk %s. Wanneer: %s. %s%s", v.OrganisationName, v.OpeningTitle, dayNL, whereNL, askNL),
		TitleEN: fmt.Sprintf("%s would like to talk with you about the work %s. When: %s. %s%s", v.OrganisationName, v.OpeningTitle, dayEN, whereEN, askEN)}
}

// step runs one organisation step on a locked invite whose disclosure
// holds, audits it with the details fn returns, and answers the invite.
func (s *Service) step(ctx context.Context, p authz.Principal, id, ip, action string, fn func(tx *gorm.DB, v *viewRow) (map[string]any, error)) (Invite, error) {
	err := s.DB.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		v, err := s.loadActive(ctx, tx, p, id)
		if err != nil {
			return err
		}
		details, err := fn(tx, &v)
		if err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.FromPrincipal(ctx, audit.Event{Action: action, IP: ip, SubjectType: "invite", SubjectID: id, Details: details}))
	})
	if err != nil {
		return Invite{}, err
	}
	return s.Get(ctx, p, id)
}

// loadActive locks an invite for an organisation step that needs the
// kandidaat's disclosure to hold.
func (s *Service) loadActive(ctx context.Context, tx *gorm.DB, p authz.Principal, id string) (viewRow, error) {
	if !p.Has(authz.Werkgever, authz.Zorgaanbieder, authz.Accountmanager, authz.Admin) {
		return viewRow{}, fmt.Errorf("invite step: %w", apperr.ErrForbidden)
	}
	v, err := load(ctx, tx, p, id, true)
	if err != nil {
		return viewRow{}, err
	}
	if !v.Disclosed && slices.Contains([]State{Accepted, Introduced, IntakePlanned}, State(v.State)) {
		return viewRow{}, &apperr.ConflictError{Code: "notDisclosed", Msg: msg.M("invite.consentWithdrawn")}
	}
	return v, nil
}

// PlacementInput is the work agreed.
type PlacementInput struct {
	StartDate         time.Time
	ContractType      string
	Hours             int
	HourlyWageCents   int64
	TrialPeriodMonths int
	// BelowMinimumWageReason: jeugdloon or loondispensatie, only for a paid
	// contract below the adult minimum wage (see wage.go).
	BelowMinimumWageReason string
}

// Place records the placement of an introduced kandidaat: the candidate's
// status becomes placed (they leave every pool) and follow-ups at 4, 13 and
// 26 weeks are planned.
func (s *Service) Place(ctx context.Context, p authz.Principal, id string, in PlacementInput, ip string) (Invite, error) {
	var bad apperr.Fields
	if !slices.Contains(ContractTypes, in.ContractType) {
		bad.Add("contractType", "enum", msg.M("invite.contractTypeEnum"))
	}
	if in.Hours < 1 || in.Hours > 60 {
		bad.Add("hours", "range", msg.M("field.hoursPerWeekRange"))
	}
	if in.HourlyWageCents < 0 || in.HourlyWageCents > 20000 {
		bad.Add("hourlyWageCents", "range", msg.M("invite.hourlyWageCentsRange"))
	} else {
		min, from, err := s.Wages.HourlyMinimum(ctx, s.DB, in.StartDate)
		if err != nil {
			return Invite{}, err
		}
		checkWage(&bad, in.ContractType, min, from, in.HourlyWageCents, in.BelowMinimumWageReason)
	}
	if in.TrialPeriodMonths < 0 || in.TrialPeriodMonths > 2 {
		bad.Add("trialPeriodMonths", "range", msg.M("invite.trialPeriodMonthsRange"))
	}
	today := s.now().Truncate(24 * time.Hour)
	if in.StartDate.Before(today.AddDate(0, -3, 0)) || in.StartDate.After(today.AddDate(1, 0, 0)) {
		bad.Add("startDate", "range", msg.M("invite.startDateRange"))
	}
	if len(bad) > 0 {
		return Invite{}, &apperr.InvalidError{Fields: bad}
	}
	return s.step(ctx, p, id, ip, "invite.placed", func(tx *gorm.DB, v *viewRow) (map[string]any, error) {
		if err := s.move(ctx, tx, v, Placed, ActorOf(p), p.UserID, "", nil); err != nil {
			return nil, err
		}
		// The placement is credited to whoever holds the caseload and the
		// portfolio now (Jouw aandeel, thank-yous).
		am, err := s.Organisations.Accountmanager(ctx, tx, v.OrganisationID)
		if err != nil {
			return nil, err
		}
		pl := placementRow{InviteID: v.ID, RegionID: v.RegionID, OrganisationID: v.OrganisationID, OpeningID: v.OpeningID, CandidateID: v.CandidateID,
			StartDate: in.StartDate, ContractType: in.ContractType, Hours: in.Hours, HourlyWageCents: in.HourlyWageCents,
			BelowMinimumWageReason: database.NullIfEmpty(in.BelowMinimumWageReason), TrialPeriodMonths: in.TrialPeriodMonths, CreatedBy: p.UserID, CreatedAt: s.now(),
			KlantmanagerID: database.NullIfEmpty(v.KlantmanagerID), AccountmanagerID: database.NullIfEmpty(am)}
		if err := tx.Create(&pl).Error; err != nil {
			return nil, database.Translate(err, "store placement")
		}
		for _, w := range FollowUpWeeks {
			if err := tx.Exec(`INSERT INTO follow_ups (placement_id, region_id, organisation_id, week, due_on) VALUES (?, ?, ?, ?, ?)`,
				pl.ID, v.RegionID, v.OrganisationID, w, in.StartDate.AddDate(0, 0, 7*w)).Error; err != nil {
				return nil, err
			}
		}
		if err := s.Candidates.MarkPlaced(ctx, tx, v.CandidateID); err != nil {
			return nil, err
		}
		n := notification.Notice{Kind: notification.Placed, Link: "/kandidaten/" + v.CandidateID,
			TitleNL: fmt.Sprintf("%s is geplaatst bij %s (%s).", v.CandidateCode, v.OrganisationName, v.OpeningTitle),
			TitleEN: fmt.Sprintf("%s was placed with %s (%s).", v.CandidateCode, v.OrganisationName, v.OpeningTitle)}
		if err := s.Notify.Notify(ctx, tx, n, v.KlantmanagerID); err != nil {
			return nil, err
		}
		n.Link = "/uitnodigingen/" + v.ID // the accountmanager follows the invite, not the caseload
		if err := s.Notify.Notify(ctx, tx, n, am); err != nil {
			return nil, err
		}
		// The kandidaat hears it too: from when, how many hours, whom to ask for.
		who := s.askFor(ctx, tx, p)
		start := in.StartDate.In(amsterdam)
		kn := notification.Notice{Kind: notification.Placed,
			TitleNL: fmt.Sprintf("%s heeft vastgelegd dat u bij hen gaat werken als %s. U begint op %s %d %s, %d uur per week.",
				v.OrganisationName, v.OpeningTitle, weekdayNL[start.Weekday()], start.Day(), monthNL[start.Month()-1], in.Hours),
			TitleEN: fmt.Sprintf("%s has recorded that you will work with them as %s. You start on %s, %d hours a week.",
				v.OrganisationName, v.OpeningTitle, start.Format("Monday 2 January"), in.Hours)}
		if who != "" {
			kn.TitleNL += " Vraag op uw eerste dag naar " + who + "."
			kn.TitleEN += " On your first day, ask for " + who + "."
		}
		if err := s.tellKandidaat(ctx, tx, *v, kn); err != nil {
			return nil, err
		}
		// All places taken: the opening is filled in the same transaction.
		var placed int64
		if err := tx.Model(&placementRow{}).Where("opening_id = ?", v.OpeningID).Count(&placed).Error; err != nil {
			return nil, err
		}
		filled, err := s.Openings.FillIfFull(ctx, tx, p, v.OpeningID, int(placed), ip)
		if err != nil {
			return nil, err
		}
		return map[string]any{"placementId": pl.ID, "openingFilled": filled}, nil
	})
}
