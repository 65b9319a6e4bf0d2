package httpapi

import "strings"

// webRoutes are the front end's routes, as frontend/src/app/App.tsx
// declares them (TestWebRoutesAreTheAppsRoutes keeps the two equal): only
// these get the app shell with 200. Any other path answers 404 — with the
// app shell, whose own page says "Deze pagina bestaat niet", so a mistyped
// link is a real 404 to crawlers and monitors and a readable page to people.
var webRoutes = []string{
	"/inloggen",
	"/inloggen/link",
	"/inloglink",
	"/wachtwoord-vergeten",
	"/wachtwoord-herstellen",
	"/uitnodiging",
	"/aanmelden",
	"/aanmelden/bevestigen",
	"/aanmeldingen",
	"/",
	"/vacatures",
	"/vacatures/nieuw",
	"/vacatures/:id",
	"/vacatures/:id/kandidaten",
	"/vacatures/:id/bewerken",
	"/vacatures/:id/uitnodigingen",
	"/uitnodigingen/:id",
	"/mijn-uitnodigingen",
	"/mijn-uitnodigingen/:id",
	"/uitnodiging-werk",
	"/toestemming-delen",
	"/opvolging",
	"/meldingen",
	"/diensten",
	"/diensten/:id/boeken",
	"/boekingen",
	"/boekingen/:id",
	"/opdrachten",
	"/agenda",
	"/uitbetalingen",
	"/facturen/:id",
	"/platform/regios",
	"/subsidies",
	"/loonkostensubsidie",
	"/loonkostensubsidie/aanvragen",
	"/loonkostensubsidie/:id",
	"/zo-werkt-het-zoeken",
	"/beschikbaarheid",
	"/caseload",
	"/kandidaten/nieuw",
	"/kandidaten/:id",
	"/mijn-gegevens",
	"/mijn-gegevens/overzicht",
	"/berichten",
	"/organisatie",
	"/portefeuille",
	"/organisaties/:id",
	"/cijfers",
	"/resultaten",
	"/verwante-beroepen",
	"/beheer/gebruikers",
	"/beheer/organisaties",
	"/beheer/regios",
	"/beheer/audit",
	"/beheer/diensten",
	"/beheer/diensten/nieuw",
	"/beheer/diensten/:id",
	"/beheer/subsidies",
}

// routeSegments is webRoutes split at "/", once.
var routeSegments = func() [][]string {
	out := make([][]string, len(webRoutes))
	for i, r := range webRoutes {
		out[i] = strings.Split(r, "/")
	}
	return out
}()

// webRoute is the route of webRoutes that path opens, as the app's router
// picks it: ":name" matches one non-empty segment, and of two that match the
// one with fewer parameters wins (/vacatures/nieuw before /vacatures/:id).
// A trailing slash is another path (as in the API). ok is false for a path
// the app does not have.
// params are path's values of the route's ":name" segments, by ":name".
func webRoute(path string) (route string, params map[string]string, ok bool) {
	segs := strings.Split(path, "/")
	best, bestParams := -1, 0
	for i, want := range routeSegments {
		if len(want) != len(segs) {
			continue
		}
		match, params := true, 0
		for j, w := range want {
			if strings.HasPrefix(w, ":") {
				match = match && segs[j] != ""
				params++
			} else {
				match = match && w == segs[j]
			}
		}
		if match && (best < 0 || params < bestParams) {
			best, bestParams = i, params
		}
	}
	if best < 0 {
		return "", nil, false
	}
	if bestParams > 0 {
		params = make(map[string]string, bestParams)
		for j, w := range routeSegments[best] {
			if strings.HasPrefix(w, ":") {
				params[w] = segs[j]
			}
		}
	}
	return webRoutes[best], params, true
}
