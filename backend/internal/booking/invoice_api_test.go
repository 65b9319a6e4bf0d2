package booking_test

import (
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"gorm.io/gorm"

	"github.com/werkhaven/werkhaven/backend/internal/app/apptest"
	"github.com/werkhaven/werkhaven/backend/internal/booking"
)

const providerA = "planning@jobcoachutrecht.demo.werkhaven.nl"

type invoiceParty struct{ ID, Name, Street, Postcode, City, KvkNumber, VatNumber string }

type invoice struct {
	ID, Kind, Number, CreditsInvoiceID, CreditsInvoiceNumber, BookingID, BookingReference, SuppliedOn, Description, Unit, VatExemption string
	IssuedAt                                                                                                                           time.Time
	Supplier, Customer                                                                                                                 invoiceParty
	Quantity                                                                                                                           int
	UnitPriceCents, UnitPriceNetCents, NetCents, VatCents, TotalCents                                                                  int64
	VatRate                                                                                                                            *int
}

func invoicesOf(b *apptest.Browser, bookingID string) []invoice {
	var out struct{ Items []invoice }
	b.Call("GET", "/api/v1/invoices?bookingId="+bookingID, "", http.StatusOK, &out)
	return out.Items
}

// slot is a start days ahead at 10:00 Amsterdam time.
func slotIn(f *apptest.Fixture, days int) string {
	loc := apptest.AmsterdamTZ(f.T)
	d := f.Clock().In(loc).AddDate(0, 0, days)
	return time.Date(d.Year(), d.Month(), d.Day(), 10, 0, 0, 0, loc).UTC().Format(time.RFC3339)
}

func TestVatIncluded(t *testing.T) {
	for _, c := range []struct {
		total int64
		rate  int
		want  int64
	}{{40000, 21, 6942}, {12100, 21, 2100}, {8500, 21, 1475}, {109, 9, 9}, {100, 0, 0}, {-40000, 21, -6942}, {1, 21, 0}, {6, 21, 1}} {
		if got := booking.VatIncluded(c.total, c.rate); got != c.want {
			t.Errorf("VatIncluded(%d, %d) = %d, want %d", c.total, c.rate, got, c.want)
		}
	}
}

// A paid booking gets an invoice in the supplier's name with the fields
// art. 35a Wet OB asks; its customer, supplier and the region's staff read
// it, nobody else; a refund after cancellation is a credit invoice naming
// it; an invoice never changes.
func TestInvoiceOfAPaidBooking(t *testing.T) {
	f := apptest.New(t)
	provider := f.Org["Jobcoach Utrecht BV"]
	apptest.Must(t, f.DB.Gorm.Exec(`UPDATE organisations SET stripe_account_id = 'acct_1JobcoachUtrecht' WHERE id = ?`, provider).Error)
	svc := f.Service(fmt.Sprintf(apptest.LoonwaardeJSON, provider))
	wg := f.Browser().SignIn(apptest.WerkgeverA)
	var b apptest.Booking
	wg.Call("POST", "/api/v1/bookings", fmt.Sprintf(`{"serviceId":%q,"startsAt":%q}`, svc, slotIn(f, 5)), http.StatusCreated, &b)
	var co struct{ AmountCents int64 }
	wg.Call("POST", "/api/v1/bookings/"+b.ID+"/checkouts", "", http.StatusCreated, &co)
	if got := invoicesOf(wg, b.ID); len(got) != 0 {
		t.Fatalf("an invoice before payment: %+v", got)
	}
	paid(f, b.ID, 40000)

	list := invoicesOf(wg, b.ID)
	if len(list) != 1 {
		t.Fatalf("invoices after payment: %+v", list)
	}
	inv := list[0]
	if inv.Kind != "invoice" || inv.Number != "WH-000001" || inv.Supplier.ID != provider || inv.Supplier.Name != "Jobcoach Utrecht BV" ||
		inv.Supplier.Street != "Vondellaan 47" || inv.Supplier.Postcode != "3526 KS" || inv.Supplier.City != "Utrecht" || inv.Supplier.KvkNumber != "56789014" ||
		inv.Supplier.VatNumber != "NL005678901B01" {
		t.Errorf("supplier and number: %+v", inv)
	}
	if inv.Customer.Name != "Bakkerij De Korenschoof" || inv.Customer.Street != "Oudegracht 120" || inv.Customer.Postcode != "3511 AB" || inv.Customer.City != "Utrecht" {
		t.Errorf("customer: %+v", inv.Customer)
	}
	// 400 euro incl. 21 % btw: 69,42 btw (rounded per line to the cent), 330,58 net.
	if inv.TotalCents != 40000 || inv.VatRate == nil || *inv.VatRate != 21 || inv.VatCents != 6942 || inv.NetCents != 33058 || inv.Quantity != 1 ||
		inv.UnitPriceCents != 40000 || inv.UnitPriceNetCents != 33058 || inv.VatExemption != "" || inv.Unit != "fixed" {
		t.Errorf("amounts: %+v", inv)
	}
	if inv.SuppliedOn != slotIn(f, 5)[:10] && inv.SuppliedOn == "" || inv.IssuedAt.IsZero() {
		t.Errorf("dates: %+v", inv)
	}
	// The service and the booking, never the kandidaat.
	if !strings.HasPrefix(inv.Description, "Loonwaardebepaling, boeking "+b.ID[:8]) || inv.BookingReference != b.ID[:8] {
		t.Errorf("description: %q", inv.Description)
	}

	// Access: the customer, the supplier, the region's staff; others 404 or 403.
	var one invoice
	f.Browser().SignIn(providerA).Call("GET", "/api/v1/invoices/"+inv.ID, "", http.StatusOK, &one)
	if one.Number != inv.Number {
		t.Errorf("provider reads %+v", one)
	}
	f.Browser().SignIn(apptest.AmA).Call("GET", "/api/v1/invoices/"+inv.ID, "", http.StatusOK, &one)
	f.Browser().SignIn(apptest.AdminA).Call("GET", "/api/v1/invoices/"+inv.ID, "", http.StatusOK, &one)
	f.Browser().SignIn(apptest.Werkgever2).Call("GET", "/api/v1/invoices/"+inv.ID, "", http.StatusNotFound, nil)
	f.Browser().SignIn(apptest.ZorgA).Call("GET", "/api/v1/invoices/"+inv.ID, "", http.StatusNotFound, nil)
	f.Browser().SignIn(apptest.WerkgeverB).Call("GET", "/api/v1/invoices/"+inv.ID, "", http.StatusNotFound, nil)
	f.Browser().SignIn(apptest.AdminB).Call("GET", "/api/v1/invoices/"+inv.ID, "", http.StatusNotFound, nil)
	f.Browser().SignIn(apptest.KmA).Call("GET", "/api/v1/invoices/"+inv.ID, "", http.StatusForbidden, nil)
	if got := invoicesOf(f.Browser().SignIn(apptest.Werkgever2), b.ID); len(got) != 0 {
		t.Errorf("another organisation lists %+v", got)
	}

	// Immutable.
	if err := f.DB.Gorm.Exec(`UPDATE invoices SET total_cents = 1, net_cents = 1 - vat_cents WHERE id = ?`, inv.ID).Error; err == nil {
		t.Error("an issued invoice changed")
	}

	// Payouts: the provider sees the charge, the platform fee (10 %) and the transfer.
	var po struct {
		Items []struct {
			BookingID                          string
			ChargedCents                       int64
			PlatformFeeCents, TransferredCents *int64
			Connected                          bool
			InvoiceID                          string
		}
		StripePayouts    []struct{ ID string }
		HasStripeAccount bool
	}
	f.Browser().SignIn(providerA).Call("GET", "/api/v1/payouts", "", http.StatusOK, &po)
	if len(po.Items) != 1 || po.Items[0].ChargedCents != 40000 || po.Items[0].PlatformFeeCents == nil || *po.Items[0].PlatformFeeCents != 4000 ||
		po.Items[0].TransferredCents == nil || *po.Items[0].TransferredCents != 36000 || !po.Items[0].Connected || po.Items[0].InvoiceID != inv.ID {
		t.Errorf("payouts: %+v", po)
	}
	if !po.HasStripeAccount || len(po.StripePayouts) == 0 {
		t.Errorf("stripe payouts (stripe-mock serves one): %+v", po)
	}
	var none struct{ Items []struct{ BookingID string } }
	wg.Call("GET", "/api/v1/payouts", "", http.StatusOK, &none)
	if len(none.Items) != 0 {
		t.Errorf("the customer's payouts: %+v", none)
	}
	f.Browser().SignIn(apptest.AmA).Call("GET", "/api/v1/payouts", "", http.StatusForbidden, nil)

	// Cancelled early: refunded in full, a credit invoice names the invoice.
	wg.Call("POST", "/api/v1/bookings/"+b.ID+"/state-changes", `{"state":"cancelled"}`, http.StatusOK, &b)
	f.WaitFor(func() bool {
		return f.Count(`SELECT count(*) FROM invoices WHERE booking_id = ? AND kind = 'credit'`, b.ID) == 1
	}, "credit invoice")
	list = invoicesOf(wg, b.ID)
	if len(list) != 2 || list[0].Kind != "credit" {
		t.Fatalf("after the refund: %+v", list)
	}
	cr := list[0]
	if cr.Number != "WH-000002" || cr.CreditsInvoiceID != inv.ID || cr.CreditsInvoiceNumber != inv.Number || cr.TotalCents != -40000 || cr.VatCents != -6942 ||
		cr.NetCents != -33058 || !strings.Contains(cr.Description, inv.Number) || cr.Supplier.ID != provider {
		t.Errorf("credit invoice: %+v", cr)
	}
	// The original is unchanged.
	f.Browser().SignIn(apptest.AmA).Call("GET", "/api/v1/invoices/"+inv.ID, "", http.StatusOK, &one)
	if one.TotalCents != 40000 || one.Number != inv.Number {
		t.Errorf("original after credit: %+v", one)
	}
}

// An exempt service: no btw, the legal ground on the invoice; the
// municipality's own service is invoiced in the region's name.
func TestInvoiceExemptAndMunicipal(t *testing.T) {
	f := apptest.New(t)
	ground := "Vrijgesteld van btw: medische zorg (art. 11, lid 1, onderdeel g, Wet OB)"
	body := strings.Replace(fmt.Sprintf(apptest.LoonwaardeJSON, ""), `"providerId":"",`, fmt.Sprintf(`"vatExemption":%q,`, ground), 1)
	svc := f.Service(body)
	var s struct {
		VatRate      *int
		VatExemption string
	}
	f.Browser().SignIn(apptest.AdminA).Call("GET", "/api/v1/services/"+svc, "", http.StatusOK, &s)
	if s.VatRate != nil || s.VatExemption != ground {
		t.Fatalf("service vat: %+v", s)
	}
	// Both a rate and an exemption, or another rate: 400 naming the field.
	for bad, field := range map[string]string{`"vatRate":9,"vatExemption":"x",`: "vatExemption", `"vatRate":7,`: "vatRate", `"vatExemption":" ",`: "vatExemption"} {
		var p apptest.Problem
		f.Browser().SignIn(apptest.AdminA).Call("POST", "/api/v1/services", strings.Replace(fmt.Sprintf(apptest.LoonwaardeJSON, ""), `"providerId":"",`, bad, 1), http.StatusBadRequest, &p)
		if !slices.Contains(p.Names(), field) {
			t.Errorf("%s: %+v", bad, p)
		}
	}
	wg := f.Browser().SignIn(apptest.WerkgeverA)
	var b apptest.Booking
	wg.Call("POST", "/api/v1/bookings", fmt.Sprintf(`{"serviceId":%q,"startsAt":%q}`, svc, slotIn(f, 5)), http.StatusCreated, &b)
	paid(f, b.ID, 40000)
	list := invoicesOf(wg, b.ID)
	if len(list) != 1 {
		t.Fatalf("invoices: %+v", list)
	}
	inv := list[0]
	if inv.VatRate != nil || inv.VatExemption != ground || inv.VatCents != 0 || inv.NetCents != 40000 || inv.TotalCents != 40000 {
		t.Errorf("exempt invoice: %+v", inv)
	}
	if inv.Supplier.ID != f.RegionA || inv.Supplier.Name != "Gemeente Utrecht (demo)" || inv.Supplier.KvkNumber != "76543210" || inv.Supplier.VatNumber != "NL009876543B01" ||
		inv.Supplier.Street != "Stadsplateau 1" {
		t.Errorf("municipal supplier: %+v", inv.Supplier)
	}
}

// Numbers are sequential per supplier without gaps, also when payments
// come at once and some transactions roll back.
func TestInvoiceNumbersWithoutGaps(t *testing.T) {
	f := apptest.New(t)
	supplier := f.Org["Dagbesteding De Werkplaats"]
	var wg sync.WaitGroup
	var mu sync.Mutex
	var kept []int
	errRollback := errors.New("rolled back")
	for i := range 24 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			err := f.DB.Gorm.Transaction(func(tx *gorm.DB) error {
				n, err := booking.NextInvoiceNumber(tx, supplier)
				if err != nil {
					return err
				}
				time.Sleep(2 * time.Millisecond)
				if i%3 == 0 {
					return errRollback
				}
				mu.Lock()
				kept = append(kept, n)
				mu.Unlock()
				return nil
			})
			if err != nil && !errors.Is(err, errRollback) {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	slices.Sort(kept)
	for i, n := range kept {
		if n != i+1 {
			t.Fatalf("numbers with a gap: %v", kept)
		}
	}
	if len(kept) != 16 {
		t.Errorf("kept %d numbers", len(kept))
	}

	// Payments of one supplier processed at once.
	provider := f.Org["Jobcoach Utrecht BV"]
	svc := f.Service(fmt.Sprintf(apptest.LoonwaardeJSON, provider))
	wgr := f.Browser().SignIn(apptest.WerkgeverA)
	var ids []string
	for i := range 6 {
		var b apptest.Booking
		wgr.Call("POST", "/api/v1/bookings", fmt.Sprintf(`{"serviceId":%q,"startsAt":%q}`, svc, slotIn(f, 3+i)), http.StatusCreated, &b)
		ids = append(ids, b.ID)
	}
	var pw sync.WaitGroup
	for _, id := range ids {
		pw.Add(1)
		go func() {
			defer pw.Done()
			payload, err := booking.DevEvent("payment_intent.succeeded", id, 1, fmt.Sprintf("pi_test_%d", apptest.Uniq()), 40000)
			if err != nil {
				t.Error(err)
				return
			}
			if code, p := f.Webhook(payload, f.WebhookSecret(), time.Now()); code != http.StatusNoContent {
				t.Errorf("webhook: %d %+v", code, p)
			}
		}()
	}
	pw.Wait()
	f.WaitFor(func() bool { return f.Count(`SELECT count(*) FROM invoices WHERE supplier_id = ?`, provider) == 6 }, "six invoices")
	if n := f.Count(`SELECT count(*) FROM invoices WHERE supplier_id = ? AND sequence BETWEEN 1 AND 6`, provider); n != 6 {
		t.Errorf("sequences of the six: %d in 1..6", n)
	}
}
