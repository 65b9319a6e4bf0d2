package booking

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"

	"github.com/werkhaven/werkhaven/backend/internal/authz"
	"github.com/werkhaven/werkhaven/backend/internal/platform/database"
)

// Invoice is a factuur (art. 35a Wet OB) for one paid period of a booking,
// issued in the name of whoever supplies the service, or a credit invoice
// (Kind "credit", negative amounts) for what a refund gave back. Its
// parties and figures are copied when it is issued; it never changes
// (docs/invoices.md).
type Invoice struct {
	ID                string `gorm:"primaryKey;default:gen_random_uuid()"`
	RegionID          string
	BookingID         string
	Period            int
	Kind              string // invoice, credit
	CreditsInvoiceID  *string
	CreditsNumber     string `gorm:"->"` // the number of the invoice a credit invoice corrects
	SupplierID        string
	Sequence          int
	Number            string
	IssuedAt          time.Time
	SuppliedOn        time.Time
	SupplierName      string
	SupplierStreet    string
	SupplierPostcode  string
	SupplierCity      string
	SupplierKvk       string
	SupplierVat       string
	CustomerID        string
	CustomerName      string
	CustomerStreet    string
	CustomerPostcode  string
	CustomerCity      string
	CustomerKvk       string
	CustomerVat       string
	Description       string
	Quantity          int
	Unit              string
	UnitPriceCents    int64 // incl. btw, as the catalogue states it
	UnitPriceNetCents int64 // excl. btw (art. 226 of the btw directive)
	VatRate           *int  // nil: exempt on VatExemption
	VatExemption      string
	NetCents          int64
	VatCents          int64
	TotalCents        int64
	PaymentIntentID   *string
	RefundID          *string
}

func (Invoice) TableName() string { return "invoices" }

// party is an invoice's supplier or customer (the invoice_parties view:
// an organisation, or a region for the municipality's own services).
type party struct {
	ID, RegionID, Name, Street, Postcode, City, KvkNumber, VatNumber string
}

func partyOf(tx *gorm.DB, id string) (party, error) {
	var p party
	err := tx.Table("invoice_parties").Select("id::text AS id, region_id::text AS region_id, name, street, postcode, city, kvk_number, vat_number").
		Where("id = ?", id).Take(&p).Error
	return p, database.Translate(err, "invoice party")
}

// VatIncluded is the btw in a price of totalCents that includes rate
// percent, rounded half away from zero to the cent: the line's btw, so
// net + btw is always the price paid.
func VatIncluded(totalCents int64, rate int) int64 {
	if rate == 0 {
		return 0
	}
	num, den := totalCents*int64(rate), int64(100+rate)
	if num < 0 {
		return -((-num*2 + den) / (2 * den))
	}
	return (num*2 + den) / (2 * den)
}

// nextInvoiceNumber takes the supplier's next number in tx: the upsert
// locks the counter row until tx ends, so concurrent payments of one
// supplier number one after the other, and a rolled back payment gives its
// number back (no gaps).
func nextInvoiceNumber(tx *gorm.DB, supplierID string) (int, error) {
	var n int
	err := tx.Raw(`INSERT INTO invoice_counters (supplier_id, last_number) VALUES (?, 1)
		ON CONFLICT (supplier_id) DO UPDATE SET last_number = invoice_counters.last_number + 1 RETURNING last_number`, supplierID).Scan(&n).Error
	return n, err
}

// InvoiceNumber formats a supplier's sequence number.
func InvoiceNumber(seq int) string { return fmt.Sprintf("WH-%06d", seq) }

// newInvoice fills the parties, number and date of an invoice for v's
// booking in tx.
func (s *Service) newInvoice(tx *gorm.DB, v *view, period int, kind string) (Invoice, error) {
	supplierID := v.RegionID
	if v.ProviderID != nil {
		supplierID = *v.ProviderID
	}
	sup, err := partyOf(tx, supplierID)
	if err != nil {
		return Invoice{}, err
	}
	cust, err := partyOf(tx, v.OrganisationID)
	if err != nil {
		return Invoice{}, err
	}
	seq, err := nextInvoiceNumber(tx, supplierID)
	if err != nil {
		return Invoice{}, err
	}
	return Invoice{RegionID: v.RegionID, BookingID: v.ID, Period: period, Kind: kind, SupplierID: supplierID, Sequence: seq, Number: InvoiceNumber(seq),
		IssuedAt: s.now(), SupplierName: sup.Name, SupplierStreet: sup.Street, SupplierPostcode: sup.Postcode, SupplierCity: sup.City,
		SupplierKvk: sup.KvkNumber, SupplierVat: sup.VatNumber, CustomerID: cust.ID, CustomerName: cust.Name, CustomerStreet: cust.Street,
		CustomerPostcode: cust.Postcode, CustomerCity: cust.City, CustomerKvk: cust.KvkNumber, CustomerVat: cust.VatNumber}, nil
}

// issueInvoice issues the invoice of a period just paid, in the payment's
// transaction: the service and its booking reference (never the
// kandidaat), the quantity at the catalogue's unit price, the btw the
// price includes or the exemption.
func (s *Service) issueInvoice(ctx context.Context, tx *gorm.DB, v *view, pr periodRow, paymentIntentID string) error {
	var svc struct {
		VatRate      *int
		VatExemption string
	}
	if err := tx.WithContext(ctx).Table("services").Select("vat_rate, vat_exemption").Where("id = ?", v.ServiceID).Take(&svc).Error; err != nil {
		return err
	}
	inv, err := s.newInvoice(tx.WithContext(ctx), v, pr.Period, "invoice")
	if err != nil {
		return err
	}
	inv.SuppliedOn = pr.StartsOn
	if v.StartsAt != nil && pr.Period == 1 {
		inv.SuppliedOn = v.StartsAt.In(amsterdam)
	}
	inv.Unit = v.PriceUnit
	if inv.Unit == "free" {
		inv.Unit = "fixed"
	}
	inv.Quantity, inv.UnitPriceCents = 1, pr.AmountCents
	if v.UnitPriceCents > 0 && pr.AmountCents%v.UnitPriceCents == 0 && pr.AmountCents > 0 {
		inv.Quantity, inv.UnitPriceCents = int(pr.AmountCents/v.UnitPriceCents), v.UnitPriceCents
	}
	inv.Description = fmt.Sprintf("%s, boeking %s", v.ServiceTitle, Reference(v.ID))
	if pr.Period > 1 {
		inv.Description += fmt.Sprintf(", deel %d", pr.Period)
	}
	inv.VatRate, inv.VatExemption = svc.VatRate, svc.VatExemption
	inv.UnitPriceNetCents = inv.UnitPriceCents
	if svc.VatRate != nil {
		inv.UnitPriceNetCents -= VatIncluded(inv.UnitPriceCents, *svc.VatRate)
	}
	inv.TotalCents = pr.AmountCents
	if svc.VatRate != nil {
		inv.VatCents = VatIncluded(pr.AmountCents, *svc.VatRate)
	}
	inv.NetCents = inv.TotalCents - inv.VatCents
	inv.PaymentIntentID = &paymentIntentID
	return database.Translate(tx.WithContext(ctx).Create(&inv).Error, "issue invoice")
}

// issueCredit issues the credit invoice of a refund of amountCents of a
// period, naming that period's invoice; a period paid before invoices
// existed has none to correct and gets none. A refund credited before
// (refundID) is not credited twice.
func (s *Service) issueCredit(ctx context.Context, tx *gorm.DB, v *view, period int, refundID string, amountCents int64) error {
	var orig Invoice
	err := tx.WithContext(ctx).Where("booking_id = ? AND period = ? AND kind = 'invoice'", v.ID, period).Limit(1).Find(&orig).Error
	if err != nil || orig.ID == "" {
		return err
	}
	var seen int64
	if err := tx.WithContext(ctx).Table("invoices").Where("refund_id = ?", refundID).Count(&seen).Error; err != nil || seen > 0 {
		return err
	}
	inv, err := s.newInvoice(tx.WithContext(ctx), v, period, "credit")
	if err != nil {
		return err
	}
	inv.CreditsInvoiceID, inv.RefundID = &orig.ID, &refundID
	inv.SuppliedOn = orig.SuppliedOn
	inv.Description = fmt.Sprintf("Creditering van factuur %s: %s", orig.Number, orig.Description)
	inv.Unit, inv.Quantity, inv.UnitPriceCents = orig.Unit, 1, -amountCents
	inv.VatRate, inv.VatExemption = orig.VatRate, orig.VatExemption
	inv.UnitPriceNetCents = -amountCents
	if orig.VatRate != nil {
		inv.UnitPriceNetCents -= VatIncluded(-amountCents, *orig.VatRate)
	}
	inv.TotalCents = -amountCents
	if orig.VatRate != nil {
		inv.VatCents = VatIncluded(-amountCents, *orig.VatRate)
	}
	inv.NetCents = inv.TotalCents - inv.VatCents
	return database.Translate(tx.WithContext(ctx).Create(&inv).Error, "issue credit invoice")
}

// Reference is a booking's short reference on invoices and payouts.
func Reference(bookingID string) string {
	if len(bookingID) < 8 {
		return bookingID
	}
	return bookingID[:8]
}

// InvoiceFilter narrows a list of invoices.
type InvoiceFilter struct {
	BookingID string
}

// invoiceScope limits invoices to p's: an organisation's users those it
// paid or supplied, the region's accountmanagers and admins the region's.
func invoiceScope(q *gorm.DB, p authz.Principal) *gorm.DB {
	q = q.Where("i.region_id = ?", p.RegionID)
	switch {
	case p.Role.IsOrganisationRole():
		return q.Where("(i.customer_id = ? OR i.supplier_id = ?)", p.OrganisationID, p.OrganisationID)
	case p.Has(authz.Admin, authz.Accountmanager):
		return q
	}
	return q.Where("false")
}

func invoices(db *gorm.DB, p authz.Principal) *gorm.DB {
	return invoiceScope(db.Table("invoices i").Select("i.*, c.number AS credits_number").Joins("LEFT JOIN invoices c ON c.id = i.credits_invoice_id"), p)
}

// Invoices lists p's invoices, newest first (at most 500).
func (s *Service) Invoices(ctx context.Context, p authz.Principal, f InvoiceFilter) ([]Invoice, error) {
	q := invoices(s.DB.WithContext(ctx), p)
	if f.BookingID != "" {
		q = q.Where("i.booking_id = ?", f.BookingID)
	}
	out := []Invoice{}
	err := q.Order("i.issued_at DESC, i.number DESC").Limit(500).Find(&out).Error
	return out, err
}

// GetInvoice is one invoice of p's; another's is not found.
func (s *Service) GetInvoice(ctx context.Context, p authz.Principal, id string) (Invoice, error) {
	var inv Invoice
	err := invoices(s.DB.WithContext(ctx), p).Where("i.id = ?", id).Take(&inv).Error
	if err != nil {
		return Invoice{}, database.Translate(err, "load invoice")
	}
	return inv, nil
}
