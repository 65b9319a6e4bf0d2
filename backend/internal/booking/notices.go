package booking

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"

	"github.com/werkhaven/werkhaven/backend/internal/notification"
)

// Who hears of a booking's steps, and under which notification kind (each
// kind can be mailed; see notification.MailByDefault):
//
//	requested  the accountmanager who approves it, or the provider who confirms it
//	approved   the organisation, with the payment deadline when there is one
//	refused    the organisation, with the reason
//	paid       the provider (for the municipality's own services its accountmanager)
//	confirmed, started, completed  the organisation
//	cancelled  the provider, and the organisation when someone else cancelled
//
// Titles name the service and the organisation, never a candidate.

// tellOrganisation notifies the booking organisation's users.
func (s *Service) tellOrganisation(ctx context.Context, tx *gorm.DB, v *view, kind notification.Kind, nl, en string) error {
	users, err := s.Organisations.OrganisationUsers(ctx, tx, v.OrganisationID)
	if err != nil {
		return err
	}
	return s.Notify.Notify(ctx, tx, notification.Notice{Kind: kind, TitleNL: nl, TitleEN: en, Link: "/boekingen/" + v.ID}, users...)
}

// tellProvider notifies whoever delivers the booking: the provider's users,
// or for the municipality's own services the organisation's accountmanager.
func (s *Service) tellProvider(ctx context.Context, tx *gorm.DB, v *view, kind notification.Kind, nl, en string) error {
	var users []string
	if v.ProviderID != nil {
		var err error
		if users, err = s.Organisations.OrganisationUsers(ctx, tx, *v.ProviderID); err != nil {
			return err
		}
	} else {
		am, err := s.Organisations.Accountmanager(ctx, tx, v.OrganisationID)
		if err != nil {
			return err
		}
		users = []string{am}
	}
	return s.Notify.Notify(ctx, tx, notification.Notice{Kind: kind, TitleNL: nl, TitleEN: en, Link: "/boekingen/" + v.ID}, users...)
}

// tellStep notifies the organisation of a step the provider or staff took.
func (s *Service) tellStep(ctx context.Context, tx *gorm.DB, v *view, to State, reason string) error {
	switch to {
	case Rejected:
		nl := fmt.Sprintf("%s voor %s is afgewezen.", v.ServiceTitle, v.OrganisationName)
		en := fmt.Sprintf("%s for %s was refused.", v.ServiceTitle, v.OrganisationName)
		if reason != "" {
			nl, en = nl+" Reden: "+reason, en+" Reason: "+reason
		}
		return s.tellOrganisation(ctx, tx, v, notification.BookingRefused, nl, en)
	case Confirmed:
		return s.tellOrganisation(ctx, tx, v, notification.BookingConfirmed, fmt.Sprintf("%s heeft %s voor %s bevestigd.", v.providerLabelNL(), v.ServiceTitle, v.OrganisationName),
			fmt.Sprintf("%s confirmed %s for %s.", v.providerLabelEN(), v.ServiceTitle, v.OrganisationName))
	case InProgress:
		return s.tellOrganisation(ctx, tx, v, notification.BookingStarted, fmt.Sprintf("%s voor %s is begonnen.", v.ServiceTitle, v.OrganisationName),
			fmt.Sprintf("%s for %s has started.", v.ServiceTitle, v.OrganisationName))
	case Completed:
		return s.tellOrganisation(ctx, tx, v, notification.BookingCompleted, fmt.Sprintf("%s voor %s is afgerond.", v.ServiceTitle, v.OrganisationName),
			fmt.Sprintf("%s for %s is completed.", v.ServiceTitle, v.OrganisationName))
	}
	return nil
}

func (v view) providerLabelNL() string {
	if v.ProviderName != nil && *v.ProviderName != "" {
		return *v.ProviderName
	}
	return "De gemeente"
}

func (v view) providerLabelEN() string {
	if v.ProviderName != nil && *v.ProviderName != "" {
		return *v.ProviderName
	}
	return "The municipality"
}

var monthsNL = [...]string{"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"}

// deadlineNL and deadlineEN write a moment as people in the Netherlands
// read it: "18 december 2026 om 17:00".
func deadlineNL(t time.Time) string {
	l := t.In(amsterdam)
	return fmt.Sprintf("%d %s %d om %s", l.Day(), monthsNL[l.Month()-1], l.Year(), l.Format("15:04"))
}

func deadlineEN(t time.Time) string {
	l := t.In(amsterdam)
	return fmt.Sprintf("%d %s %d at %s (Amsterdam time)", l.Day(), l.Month(), l.Year(), l.Format("15:04"))
}
