package msg

// authz's messages.
const (
	AuthzNoAccessRule   ID = "authz.noAccessRule"
	AuthzSessionExpired ID = "authz.sessionExpired"
	AuthzCsrf           ID = "authz.csrf"
)

var authzTexts = map[ID]Text{
	AuthzNoAccessRule:   {"Deze handeling is niet toegestaan.", "This operation is not allowed."},
	AuthzSessionExpired: {"Uw sessie is verlopen. Log opnieuw in.", "Your session has expired. Please sign in again."},
	AuthzCsrf:           {"Ontbrekend of ongeldig CSRF-token; herlaad de pagina.", "Missing or invalid CSRF token; reload the page."},
}
