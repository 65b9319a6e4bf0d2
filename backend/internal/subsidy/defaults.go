package subsidy

import "time"

// Defaults are the national parameters every installation starts with,
// each with its source; `werkhaven migrate` stores the ones missing
// (LoadDefaults), and admins add later periods in the parameters editor.
// CheckedOn is set only for a value compared with the official text; the
// others say so on every page that uses them. docs/subsidies.md lists
// them with the publications they come from.
func Defaults() []Value {
	d := func(s string) time.Time { t, _ := time.Parse(time.DateOnly, s); return t }
	const (
		wml     = "Wet minimumloon en minimumvakantiebijslag; bedragen minimumloon (Rijksoverheid), 21 jaar en ouder, per maand"
		wmlHour = "Wet minimumloon en minimumvakantiebijslag; bedragen minimumloon (Rijksoverheid), 21 jaar en ouder, per uur"
		pw10d   = "Participatiewet art. 10d lid 4"
		pw10f   = "Participatiewet art. 10d lid 5 (forfaitaire loonkostensubsidie)"
		wtl     = "Wet tegemoetkomingen loondomein (Wtl) art. 2.11–2.14; UWV, Loonkostenvoordeel (LKV)"
		dgv     = "UWV, Doelgroepverklaring LKV: aanvragen binnen 3 maanden na de eerste werkdag"
		zw      = "Ziektewet art. 29b (no-riskpolis); UWV, Ziekmelding werknemer met no-riskpolis: binnen 6 weken na de eerste ziektedag"
	)
	checked := d("2026-12-04")
	v := func(k Key, from string, value int64, source string) Value {
		return Value{Key: k, Value: value, ValidFrom: d(from), Source: source}
	}
	out := []Value{
		v(WMLMonth, "2025-01-01", 219180, wml),
		v(WMLMonth, "2025-07-01", 224580, wml),
		v(WMLMonth, "2026-01-01", 229440, wml),
		v(WMLHour, "2024-01-01", 1327, wmlHour),
		v(WMLHour, "2024-07-01", 1368, wmlHour),
		v(WMLHour, "2025-01-01", 1406, wmlHour),
		v(WMLHour, "2025-07-01", 1440, wmlHour),
		v(WMLHour, "2026-01-01", 1471, wmlHour),
		v(HolidayAllowance, "2025-01-01", 800, "Wet minimumloon en minimumvakantiebijslag art. 15 (8% vakantiebijslag)"),
		{Key: EmployerCosts, Value: 2350, ValidFrom: d("2025-01-01"), CheckedOn: &checked,
			Source: "Regeling loonkostensubsidie Participatiewet art. 1 (Stcrt. 2017, 68248, sinds 1 januari 2018): vergoeding werkgeverslasten 23,5 procent; Participatiewet art. 10d lid 4"},
		v(LKSCap, "2025-01-01", 7000, pw10d+" (ten hoogste 70% van het minimumloon met vakantiebijslag)"),
		v(LKSFlatRate, "2025-01-01", 5000, pw10f+" (50%)"),
		v(LKSFlatRateMonths, "2025-01-01", 6, pw10f+" (ten hoogste de eerste 6 maanden)"),
		v(HoursBasis, "2025-01-01", 36, "Participatiewet art. 10d; minimumloon per maand bij een volledige werkweek van 36 uur"),
		v(LKVRequestMonths, "2025-01-01", 3, dgv),
		v(NoRiskReportDays, "2025-01-01", 42, zw),
		v(LKVHour(Banenafspraak), "2025-01-01", 101, wtl+", doelgroep banenafspraak en scholingsbelemmerden: € 1,01 per uur"),
		v(LKVYear(Banenafspraak), "2025-01-01", 200000, wtl+", doelgroep banenafspraak en scholingsbelemmerden: ten hoogste € 2.000 per jaar"),
		v(LKVYears(Banenafspraak), "2025-01-01", 3, wtl+", doelgroep banenafspraak en scholingsbelemmerden: ten hoogste 3 jaar"),
		v(LKVHour(Arbeidsgehandicapt), "2025-01-01", 305, wtl+", arbeidsgehandicapte werknemer: € 3,05 per uur"),
		v(LKVYear(Arbeidsgehandicapt), "2025-01-01", 600000, wtl+", arbeidsgehandicapte werknemer: ten hoogste € 6.000 per jaar"),
		v(LKVYears(Arbeidsgehandicapt), "2025-01-01", 3, wtl+", arbeidsgehandicapte werknemer: ten hoogste 3 jaar"),
		v(LKVHour(Herplaatsen), "2025-01-01", 305, wtl+", herplaatsen arbeidsgehandicapte werknemer: € 3,05 per uur"),
		v(LKVYear(Herplaatsen), "2025-01-01", 600000, wtl+", herplaatsen arbeidsgehandicapte werknemer: ten hoogste € 6.000 per jaar"),
		v(LKVYears(Herplaatsen), "2025-01-01", 1, wtl+", herplaatsen arbeidsgehandicapte werknemer: ten hoogste 1 jaar"),
	}
	return out
}
