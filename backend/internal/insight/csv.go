package insight

import (
	"bytes"
	"encoding/csv"
	"strconv"
	"strings"

	"github.com/werkhaven/werkhaven/backend/internal/platform/httpapi"
)

// The CSV variant of the figures: one row per stage, rate, time or group,
// in the columns csvHeader names (Dutch), separated by ';' with a decimal
// comma, as Dutch spreadsheets expect, in UTF-8 with a byte order mark so
// Excel reads it as UTF-8.
var csvHeader = []string{"Onderdeel", "Groep", "Stap", "Aantal", "Van", "Naar", "Teller", "n",
	"Percentage", "Ondergrens 95%", "Bovengrens 95%", "Kleine n", "Mediaan (uren)", "P90 (uren)"}

// stageNL names the funnel's stages in Dutch.
var stageNL = map[string]string{
	"openingsPublished":     "Gepubliceerde vacatures",
	"openingsWithPoolViews": "Vacatures met bekeken kandidaten",
	"invitesSent":           "Uitnodigingen verstuurd",
	"invitesAccepted":       "Uitnodigingen geaccepteerd",
	"invitesDeclined":       "Uitnodigingen afgewezen",
	"invitesExpired":        "Uitnodigingen verlopen",
	"intakesPlanned":        "Kennismakingen gepland",
	"placements":            "Plaatsingen",
	"stillEmployed4w":       "Na 4 weken nog in dienst",
	"stillEmployed13w":      "Na 13 weken nog in dienst",
	"stillEmployed26w":      "Na 26 weken nog in dienst",
}

var timeNL = map[string]string{
	PublishToFirstInvite:     "Publicatie tot eerste uitnodiging",
	InviteToDecision:         "Uitnodiging tot beslissing kandidaat",
	ReviewRequestToAnswer:    "Verzoek om beoordeling tot antwoord",
	BookingRequestToApproval: "Aanvraag dienst tot goedkeuring",
}

// CSV renders the figures as CSV.
func CSV(f Figures) []byte {
	var b bytes.Buffer
	w := httpapi.CSVWriter(&b)
	_ = w.Write(csvHeader)
	row := func(section, group, step string, count int) []string {
		r := make([]string, len(csvHeader))
		r[0], r[1], r[2], r[3] = section, group, step, strconv.Itoa(count)
		return r
	}
	funnel := func(section, group string, fu Funnel) {
		for _, s := range []struct {
			name string
			n    int
		}{{"openingsPublished", fu.OpeningsPublished}, {"openingsWithPoolViews", fu.OpeningsWithPoolViews}, {"invitesSent", fu.InvitesSent},
			{"invitesAccepted", fu.InvitesAccepted}, {"invitesDeclined", fu.InvitesDeclined}, {"invitesExpired", fu.InvitesExpired},
			{"intakesPlanned", fu.IntakesPlanned}, {"placements", fu.Placements}} {
			_ = w.Write(row(section, group, stageNL[s.name], s.n))
		}
		for _, s := range []struct {
			name string
			r    Retention
		}{{"stillEmployed4w", fu.StillEmployed4w}, {"stillEmployed13w", fu.StillEmployed13w}, {"stillEmployed26w", fu.StillEmployed26w}} {
			retentionRows(w, row, section, group, stageNL[s.name], s.r)
		}
	}
	rate := func(section, group string, r Rate) {
		out := row(section, group, stageNL[r.From]+" → "+stageNL[r.To], r.Numerator)
		out[3] = ""
		out[4], out[5], out[6], out[7] = stageNL[r.From], stageNL[r.To], strconv.Itoa(r.Numerator), strconv.Itoa(r.N)
		out[8], out[9], out[10] = percent(r.Value), percent(r.Low), percent(r.High)
		out[11] = "nee"
		if r.Small {
			out[11] = "ja"
		}
		_ = w.Write(out)
	}
	funnel("Trechter", "Alle", f.Funnel)
	for _, r := range f.Rates {
		rate("Overgang", "Alle", r)
	}
	for _, d := range f.Times {
		out := row("Doorlooptijd", "Alle", timeNL[d.Name], d.N)
		out[3], out[7], out[12], out[13] = "", strconv.Itoa(d.N), decimal(d.MedianHours, 1), decimal(d.P90Hours, 1)
		_ = w.Write(out)
	}
	const perService = "Per dienst (verschil tussen groepen, geen effect van de dienst)"
	for _, g := range f.PerService {
		group := g.Service + ": zonder"
		if g.With {
			group = g.Service + ": met"
		}
		_ = w.Write(row(perService, group, stageNL["placements"], g.Placements))
		retentionRows(w, row, perService, group, stageNL["stillEmployed13w"], g.StillEmployed13w)
		retentionRows(w, row, perService, group, stageNL["stillEmployed26w"], g.StillEmployed26w)
		rate(perService, group, g.Retention13w)
		rate(perService, group, g.Retention26w)
	}
	for _, g := range f.PerOccupation {
		funnel("Per beroep", g.Label, g.Funnel)
	}
	for _, g := range f.PerOrganisation {
		funnel("Per organisatie", g.Label, g.Funnel)
	}
	w.Flush()
	return b.Bytes()
}

func retentionRows(w *csv.Writer, row func(section, group, step string, count int) []string, section, group, stage string, r Retention) {
	_ = w.Write(row(section, group, stage+": peilmoment verstreken", r.Due))
	_ = w.Write(row(section, group, stage+": ja", r.Yes))
	_ = w.Write(row(section, group, stage+": nee", r.No))
	_ = w.Write(row(section, group, stage+": niet beantwoord", r.Unanswered))
}

// percent writes a fraction as a percentage with one decimal and a
// decimal comma ("" for none).
func percent(v *float64) string {
	if v == nil {
		return ""
	}
	p := *v * 100
	return decimal(&p, 1)
}

func decimal(v *float64, places int) string {
	if v == nil {
		return ""
	}
	return strings.Replace(strconv.FormatFloat(*v, 'f', places, 64), ".", ",", 1)
}
