package booking

import (
	"context"
	"time"

	"gorm.io/gorm"

	"github.com/werkhaven/werkhaven/backend/internal/candidate"
)

// CandidateBookings are the services booked for candidateID, newest first,
// read in db: the kandidaat's export (AVG art. 15). Amounts and payments are
// between organisations and are left out.
func (s *Service) CandidateBookings(ctx context.Context, db *gorm.DB, candidateID string) ([]candidate.BookingRecord, error) {
	var rows []view
	if err := bookings(db.WithContext(ctx)).Where("b.candidate_id = ?", candidateID).Order("b.created_at DESC, b.id").Find(&rows).Error; err != nil {
		return nil, err
	}
	out := make([]candidate.BookingRecord, len(rows))
	at := map[string]int{}
	ids := make([]string, len(rows))
	for i, v := range rows {
		b := v.toBooking()
		out[i] = candidate.BookingRecord{ServiceTitle: b.ServiceTitle, ProviderName: b.ProviderName, OrganisationName: b.OrganisationName,
			State: string(b.State), Note: b.Note, RequestedBy: v.RequestedBy, StartsAt: b.StartsAt, EndsAt: b.EndsAt, CreatedAt: b.CreatedAt.UTC()}
		at[v.ID], ids[i] = i, v.ID
	}
	if len(ids) == 0 {
		return out, nil
	}
	consents, err := candidateConsent(ctx, db, ids)
	if err != nil {
		return nil, err
	}
	for id, c := range consents {
		out[at[id]].Consent = &c
	}
	var hours []struct {
		BookingID string
		WorkedOn  time.Time
		Hours     float64
		Note      string
	}
	if err := db.WithContext(ctx).Table("booking_hours").Select("booking_id, worked_on, hours, note").
		Where("booking_id IN ?", ids).Order("worked_on, recorded_at, id").Find(&hours).Error; err != nil {
		return nil, err
	}
	for _, h := range hours {
		i := at[h.BookingID]
		out[i].Hours = append(out[i].Hours, candidate.BookingHoursRecord{WorkedOn: h.WorkedOn, Hours: h.Hours, Note: h.Note})
	}
	return out, nil
}

// LoonwaardeBooking is the newest live loonwaardebepaling booked for
// placementID (its id and state), read in db; "" when there is none. An LKS
// application links it (package subsidy).
func (s *Service) LoonwaardeBooking(ctx context.Context, db *gorm.DB, placementID string) (string, string, error) {
	var rows []Row
	err := db.WithContext(ctx).Table("bookings b").Select("b.*").Joins("JOIN services s ON s.id = b.service_id").
		Where("b.placement_id = ? AND s.kind = 'loonwaardebepaling' AND b.state IN ?", placementID, states(Live)).
		Order("b.created_at DESC, b.id").Limit(1).Find(&rows).Error
	if err != nil || len(rows) == 0 {
		return "", "", err
	}
	return rows[0].ID, rows[0].State, nil
}
