package identity_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/werkhaven/werkhaven/backend/internal/app/apptest"
)

// The details an invoice names (docs/invoices.md) are the organisation's and
// the region's to keep: street, city and btw-identificatienummer for an
// organisation, and the gemeente's legal name, address, KvK and btw-id for a
// region's own services. A btw-id is taken as people type it and kept in
// one form; anything else is refused naming the field.
func TestInvoiceDetailsAreEditable(t *testing.T) {
	f := apptest.New(t)
	wg := f.Browser().SignIn(apptest.WerkgeverA)
	org := f.Org["Bakkerij De Korenschoof"]
	var got struct{ Street, City, VatNumber string }
	wg.Call("PATCH", "/api/v1/organisations/"+org, `{"street":" Oudegracht 120 ","city":"Utrecht","vatNumber":"nl 0012.34.567 b01"}`, http.StatusOK, &got)
	if got.Street != "Oudegracht 120" || got.City != "Utrecht" || got.VatNumber != "NL001234567B01" {
		t.Errorf("organisation's invoice details: %+v", got)
	}
	if n := f.Count(`SELECT count(*) FROM invoice_parties WHERE id = ? AND street = 'Oudegracht 120' AND city = 'Utrecht' AND vat_number = 'NL001234567B01'`, org); n != 1 {
		t.Errorf("invoice_parties does not show the organisation's details")
	}
	for _, body := range []string{`{"vatNumber":"NL123"}`, `{"vatNumber":"DE123456789"}`} {
		resp, out := wg.Do("PATCH", "/api/v1/organisations/"+org, body)
		if resp.StatusCode != http.StatusBadRequest || !strings.Contains(string(out), `"name":"vatNumber"`) || !strings.Contains(string(out), `"code":"pattern"`) {
			t.Errorf("%s: %d %s", body, resp.StatusCode, out)
		}
	}
	wg.Call("PATCH", "/api/v1/organisations/"+org, `{"vatNumber":null}`, http.StatusOK, &got)
	if got.VatNumber != "" {
		t.Errorf("null clears the btw-id: %+v", got)
	}

	admin := f.Browser().SignIn(apptest.AdminA)
	var region struct{ LegalName, Street, Postcode, City, KvKNummer, VatNumber string }
	admin.Call("PATCH", "/api/v1/regions/"+f.RegionA, `{"legalName":"Gemeente Utrecht","street":"Stadsplateau 1","postcode":"3521az","city":"Utrecht","kvkNummer":"30280353","vatNumber":"NL002220647B01"}`, http.StatusOK, &region)
	if region.LegalName != "Gemeente Utrecht" || region.Postcode != "3521 AZ" || region.KvKNummer != "30280353" || region.VatNumber != "NL002220647B01" {
		t.Errorf("region's invoice details: %+v", region)
	}
	if n := f.Count(`SELECT count(*) FROM invoice_parties WHERE id = ? AND name = 'Gemeente Utrecht' AND kvk_number = '30280353'`, f.RegionA); n != 1 {
		t.Errorf("invoice_parties does not show the region's details")
	}
	for body, field := range map[string]string{`{"kvkNummer":"123"}`: "kvkNummer", `{"vatNumber":"NL12"}`: "vatNumber", `{"postcode":"0000 AA"}`: "postcode"} {
		resp, out := admin.Do("PATCH", "/api/v1/regions/"+f.RegionA, body)
		if resp.StatusCode != http.StatusBadRequest || !strings.Contains(string(out), `"name":"`+field+`"`) {
			t.Errorf("%s: %d %s", body, resp.StatusCode, out)
		}
	}
}

// A value a table's check refuses but the code let through is a 400 naming
// the field, with nothing written: the contract fuzzer found a note of one
// space (the table's btrim check) answered with a 500.
func TestTableChecksAnswerBadInput(t *testing.T) {
	f := apptest.New(t)
	am := f.Browser().SignIn(apptest.AmA)
	org := f.Org["Bakkerij De Korenschoof"]
	before := f.Count(`SELECT count(*) FROM contact_moments`)
	resp, out := am.Do("POST", "/api/v1/organisations/"+org+"/contact-moments", `{"kind":"notitie","note":" ","occurredOn":"2026-01-14"}`)
	if resp.StatusCode != http.StatusBadRequest || !strings.Contains(string(out), `"name":"note"`) {
		t.Errorf("a note of one space: %d %s", resp.StatusCode, out)
	}
	if n := f.Count(`SELECT count(*) FROM contact_moments`); n != before {
		t.Errorf("contact moments %d → %d", before, n)
	}
}
