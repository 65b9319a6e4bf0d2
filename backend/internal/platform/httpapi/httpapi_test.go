package httpapi_test

import (
	"bytes"
	"cmp"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/andybalholm/brotli"
	"github.com/danielgtaylor/huma/v2"
	"github.com/getkin/kin-openapi/openapi3"
	"github.com/gofiber/fiber/v2"

	"github.com/werkhaven/werkhaven/backend/internal/platform/config"
	"github.com/werkhaven/werkhaven/backend/internal/platform/httpapi"
)

type echoInput struct {
	Body struct {
		Name     string `json:"name" minLength:"2" maxLength:"20"`
		KvK      string `json:"kvkNummer" pattern:"^[0-9]{8}$"`
		Hours    int    `json:"hours" minimum:"1" maximum:"40"`
		Kind     string `json:"kind" enum:"werkgever,zorgaanbieder"`
		Optional string `json:"optional,omitempty" required:"false"`
	}
}

type echoOutput struct {
	Body struct {
		Name string `json:"name"`
	}
}

type testServer struct {
	app     *fiber.App
	metrics *httpapi.Metrics
	openAPI *huma.OpenAPI
}

func newServer(t *testing.T, checks []httpapi.Check, webDir string) *testServer {
	t.Helper()
	cfg, err := config.LoadFrom([]string{"WEB_DIR=" + webDir, "BODY_LIMIT_BYTES=4096"})
	if err != nil {
		t.Fatal(err)
	}
	m := httpapi.NewMetrics(nil, nil)
	srv := httpapi.New(httpapi.Deps{Config: cfg, Logger: nil, Checks: checks, Metrics: m})
	// echo declares an error, so huma documents 422 and 500 for it; the
	// others declare none and get huma's default response.
	huma.Register(srv.API, huma.Operation{OperationID: "echo", Method: http.MethodPost, Path: "/echoes", Errors: []int{http.StatusConflict}},
		func(_ context.Context, in *echoInput) (*echoOutput, error) {
			out := &echoOutput{}
			out.Body.Name = in.Body.Name
			return out, nil
		})
	huma.Register(srv.API, huma.Operation{OperationID: "explode", Method: http.MethodGet, Path: "/explosions"},
		func(_ context.Context, _ *struct{}) (*echoOutput, error) { panic("secret internal detail") })
	huma.Register(srv.API, huma.Operation{OperationID: "fail", Method: http.MethodGet, Path: "/failures"},
		func(_ context.Context, _ *struct{}) (*echoOutput, error) {
			return nil, errors.New("database password is hunter2")
		})
	return &testServer{app: srv.Finish(), metrics: m, openAPI: srv.API.OpenAPI()}
}

func (s *testServer) do(t *testing.T, method, path, body string, headers ...string) (*http.Response, []byte) {
	t.Helper()
	var r io.Reader
	if body != "" {
		r = strings.NewReader(body)
	}
	req := httptest.NewRequest(method, path, r)
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	resp, err := s.app.Test(req, -1)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	return resp, b
}

func problemOf(t *testing.T, resp *http.Response, body []byte, wantStatus int) httpapi.Problem {
	t.Helper()
	if resp.StatusCode != wantStatus {
		t.Fatalf("status %d, want %d; body %s", resp.StatusCode, wantStatus, body)
	}
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, httpapi.ProblemContentType) {
		t.Fatalf("content type %q, want problem+json; body %s", ct, body)
	}
	var p httpapi.Problem
	if err := json.Unmarshal(body, &p); err != nil {
		t.Fatalf("problem body: %v: %s", err, body)
	}
	if p.Status != wantStatus || p.Title == "" || p.RequestID == "" {
		t.Fatalf("incomplete problem: %+v", p)
	}
	return p
}

func hasParam(p httpapi.Problem, name, code string) bool {
	for _, ip := range p.InvalidParams {
		if ip.Name == name && ip.Code == code && ip.Reason != "" {
			return true
		}
	}
	return false
}

const validEcho = `{"name":"Bakkerij","kvkNummer":"12345678","hours":32,"kind":"werkgever"}`

func TestValidRequestPasses(t *testing.T) {
	s := newServer(t, nil, "")
	resp, body := s.do(t, http.MethodPost, "/api/v1/echoes", validEcho)
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(body), `"Bakkerij"`) {
		t.Fatalf("status %d body %s", resp.StatusCode, body)
	}
	if resp.Header.Get("API-Version") != httpapi.APIVersion {
		t.Errorf("missing API-Version header")
	}
	if resp.Header.Get("Cache-Control") != "no-store" {
		t.Errorf("API responses must be Cache-Control: no-store, got %q", resp.Header.Get("Cache-Control"))
	}
}

func TestBadInputIsProblemJSON(t *testing.T) {
	s := newServer(t, nil, "")
	tests := []struct {
		name, body string
		param      string
		code       string
	}{
		{"malformed json", `{"name":`, "", ""},
		{"wrong type", `{"name":"Bakkerij","kvkNummer":"12345678","hours":"veel","kind":"werkgever"}`, "hours", "integer"},
		{"unknown field", `{"name":"Bakkerij","kvkNummer":"12345678","hours":32,"kind":"werkgever","bsn":"123"}`, "bsn", "unknownParam"},
		{"missing required", `{"kvkNummer":"12345678","hours":32,"kind":"werkgever"}`, "name", "required"},
		{"pattern", `{"name":"Bakkerij","kvkNummer":"1234","hours":32,"kind":"werkgever"}`, "kvkNummer", "pattern"},
		{"too long", `{"name":"` + strings.Repeat("x", 21) + `","kvkNummer":"12345678","hours":32,"kind":"werkgever"}`, "name", "maxLength"},
		{"too short", `{"name":"x","kvkNummer":"12345678","hours":32,"kind":"werkgever"}`, "name", "minLength"},
		{"enum", `{"name":"Bakkerij","kvkNummer":"12345678","hours":32,"kind":"luchtvaart"}`, "kind", "enum"},
		{"maximum", `{"name":"Bakkerij","kvkNummer":"12345678","hours":99,"kind":"werkgever"}`, "hours", "maximum"},
		{"not an object", `[1,2,3]`, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, body := s.do(t, http.MethodPost, "/api/v1/echoes", tt.body)
			p := problemOf(t, resp, body, http.StatusBadRequest)
			if tt.param != "" && !hasParam(p, tt.param, tt.code) {
				t.Fatalf("want invalidParams {%s %s}, got %+v", tt.param, tt.code, p.InvalidParams)
			}
		})
	}
}

func TestUnknownQueryParameterIsRejected(t *testing.T) {
	s := newServer(t, nil, "")
	resp, body := s.do(t, http.MethodPost, "/api/v1/echoes?sort=name", validEcho)
	p := problemOf(t, resp, body, http.StatusBadRequest)
	if !hasParam(p, "sort", "unknownParam") {
		t.Fatalf("want sort unknownParam, got %+v", p.InvalidParams)
	}
}

// The body limit is enforced by the HTTP server before routing, so this test
// goes through a real listener rather than app.Test.
func TestOversizedBodyIs413(t *testing.T) {
	s := newServer(t, nil, "")
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	must(t, err)
	go func() { _ = s.app.Listener(ln) }()
	t.Cleanup(func() { _ = s.app.Shutdown() })
	big := `{"name":"` + strings.Repeat("x", 8000) + `"}`
	resp, err := http.Post("http://"+ln.Addr().String()+"/api/v1/echoes", "application/json", strings.NewReader(big))
	must(t, err)
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	p := problemOf(t, resp, body, http.StatusRequestEntityTooLarge)
	if p.Instance != "/api/v1/echoes" {
		t.Errorf("instance %q", p.Instance)
	}
	// Refused before routing, it still carries the API's headers.
	if got := resp.Header.Get("API-Version"); got != httpapi.APIVersion {
		t.Errorf("API-Version %q, want %q", got, httpapi.APIVersion)
	}
}

func TestRoutingErrors(t *testing.T) {
	s := newServer(t, nil, "")
	resp, body := s.do(t, http.MethodGet, "/api/v1/onbekend", "")
	problemOf(t, resp, body, http.StatusNotFound)
	if resp.Header.Get("API-Version") == "" {
		t.Error("404s from the API carry API-Version too")
	}
	// No trailing slashes, and no redirect to the slash-less path either.
	resp, body = s.do(t, http.MethodPost, "/api/v1/echoes/", validEcho)
	problemOf(t, resp, body, http.StatusNotFound)
	resp, body = s.do(t, http.MethodDelete, "/api/v1/echoes", "")
	if resp.StatusCode != http.StatusMethodNotAllowed && resp.StatusCode != http.StatusNotFound {
		t.Fatalf("wrong method: status %d", resp.StatusCode)
	}
	problemOf(t, resp, body, resp.StatusCode)
}

func TestServerErrorsLeakNothing(t *testing.T) {
	s := newServer(t, nil, "")
	for _, path := range []string{"/api/v1/explosions", "/api/v1/failures"} {
		resp, body := s.do(t, http.MethodGet, path, "")
		problemOf(t, resp, body, http.StatusInternalServerError)
		if strings.Contains(string(body), "secret") || strings.Contains(string(body), "hunter2") {
			t.Fatalf("%s leaks internals: %s", path, body)
		}
	}
	// The process survives the panic.
	resp, _ := s.do(t, http.MethodGet, "/healthz", "")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("healthz after panic: %d", resp.StatusCode)
	}
}

func TestSecurityHeadersAndRequestID(t *testing.T) {
	s := newServer(t, nil, "")
	resp, _ := s.do(t, http.MethodGet, "/healthz", "", "X-Request-Id", "abcdef12-proxy")
	want := map[string]string{
		"X-Content-Type-Options":    "nosniff",
		"X-Frame-Options":           "DENY",
		"Strict-Transport-Security": "max-age=31536000; includeSubDomains",
	}
	for h, v := range want {
		if got := resp.Header.Get(h); got != v {
			t.Errorf("%s = %q, want %q", h, got, v)
		}
	}
	if !strings.Contains(resp.Header.Get("Content-Security-Policy"), "frame-ancestors 'none'") {
		t.Errorf("CSP lacks frame-ancestors: %q", resp.Header.Get("Content-Security-Policy"))
	}
	if resp.Header.Get("X-Request-Id") != "abcdef12-proxy" {
		t.Errorf("a well-formed incoming request id is kept, got %q", resp.Header.Get("X-Request-Id"))
	}
	resp, _ = s.do(t, http.MethodGet, "/healthz", "", "X-Request-Id", "bad id\nwith newline")
	if got := resp.Header.Get("X-Request-Id"); got == "" || strings.Contains(got, " ") {
		t.Errorf("a malformed request id is replaced, got %q", got)
	}
}

func TestOpenAPIDocument(t *testing.T) {
	s := newServer(t, nil, "")
	resp, body := s.do(t, http.MethodGet, "/api/v1/openapi.json", "")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("openapi.json: %d", resp.StatusCode)
	}
	if resp.Header.Get("Access-Control-Allow-Origin") != "*" {
		t.Error("the OpenAPI document must be readable from any origin")
	}
	loader := openapi3.NewLoader()
	doc, err := loader.LoadFromData(body)
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	if doc.OpenAPI != "3.1.0" {
		t.Fatalf("openapi version %q", doc.OpenAPI)
	}
	if err := doc.Validate(context.Background()); err != nil {
		t.Fatalf("OpenAPI document is invalid: %v", err)
	}
	if c := doc.Info.Contact; c == nil || c.Name == "" || c.Email == "" || c.URL == "" {
		t.Fatalf("info.contact needs name, email and url: %+v", c)
	}
	if len(doc.Servers) == 0 || !strings.HasSuffix(doc.Servers[0].URL, "/api/v1") {
		t.Fatalf("servers must end in /api/v1: %+v", doc.Servers)
	}
	for path := range doc.Paths.Map() {
		if strings.HasSuffix(path, "/") || strings.ToLower(path) != path {
			t.Errorf("path %q: lower-case kebab-case without trailing slash", path)
		}
	}
	resp, body = s.do(t, http.MethodGet, "/api/v1/openapi.yaml", "")
	if resp.StatusCode != http.StatusOK || !bytes.Contains(body, []byte("openapi: 3.1.0")) {
		t.Fatalf("openapi.yaml: %d %.80s", resp.StatusCode, body)
	}
	resp, body = s.do(t, http.MethodGet, "/api/docs", "")
	if resp.StatusCode != http.StatusOK || !bytes.Contains(body, []byte("/api/v1/openapi.json")) {
		t.Fatalf("/api/docs: %d", resp.StatusCode)
	}
}

func TestReadiness(t *testing.T) {
	ok := func(context.Context) error { return nil }
	down := func(context.Context) error { return errors.New("dial tcp 10.0.0.7:7700: refused") }
	s := newServer(t, []httpapi.Check{{Name: "postgres", Check: ok}, {Name: "meilisearch", Check: down}}, "")
	resp, body := s.do(t, http.MethodGet, "/readyz", "")
	if resp.StatusCode != http.StatusServiceUnavailable {
		t.Fatalf("readyz with a failing check: %d", resp.StatusCode)
	}
	var r struct {
		Status string `json:"status"`
		Checks map[string]struct {
			Status string `json:"status"`
		} `json:"checks"`
	}
	if err := json.Unmarshal(body, &r); err != nil {
		t.Fatal(err)
	}
	if r.Checks["postgres"].Status != "ok" || r.Checks["meilisearch"].Status != "error" {
		t.Fatalf("each check is reported: %s", body)
	}
	if strings.Contains(string(body), "10.0.0.7") {
		t.Fatalf("readyz leaks addresses: %s", body)
	}
	s = newServer(t, []httpapi.Check{{Name: "postgres", Check: ok}}, "")
	if resp, _ := s.do(t, http.MethodGet, "/readyz", ""); resp.StatusCode != http.StatusOK {
		t.Fatalf("readyz with passing checks: %d", resp.StatusCode)
	}
}

func TestMetricsCountRequestsByRoute(t *testing.T) {
	s := newServer(t, nil, "")
	s.do(t, http.MethodPost, "/api/v1/echoes", validEcho)
	s.do(t, http.MethodPost, "/api/v1/echoes", `{}`)
	s.do(t, http.MethodGet, "/api/v1/random-"+t.Name(), "")
	resp, body := s.do(t, http.MethodGet, "/metrics", "")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("metrics: %d", resp.StatusCode)
	}
	text := string(body)
	for _, want := range []string{
		`werkhaven_http_requests_total{method="POST",route="/api/v1/echoes",status="200"} 1`,
		`werkhaven_http_requests_total{method="POST",route="/api/v1/echoes",status="400"} 1`,
		`werkhaven_http_request_duration_seconds_bucket{method="POST",route="/api/v1/echoes",status="200",le=`,
		`route="unmatched",status="404"`,
	} {
		if !strings.Contains(text, want) {
			t.Errorf("metrics lack %s", want)
		}
	}
	if strings.Contains(text, "random-") {
		t.Error("unmatched paths must not become labels")
	}
}

func TestServesFrontEndWithSPAFallback(t *testing.T) {
	dir := t.TempDir()
	must(t, os.MkdirAll(filepath.Join(dir, "assets"), 0o755))
	must(t, os.WriteFile(filepath.Join(dir, "index.html"), []byte("<!doctype html><title>Werkhaven</title>"), 0o644))
	must(t, os.WriteFile(filepath.Join(dir, "assets", "app-3f9a.js"), []byte("console.log(1)"), 0o644))
	s := newServer(t, nil, dir)

	resp, body := s.do(t, http.MethodGet, "/vacatures/123/kandidaten", "")
	if resp.StatusCode != http.StatusOK || !bytes.Contains(body, []byte("Werkhaven")) {
		t.Fatalf("deep link: %d %s", resp.StatusCode, body)
	}
	if resp.Header.Get("Cache-Control") != "no-cache" {
		t.Errorf("index.html must not be cached long, got %q", resp.Header.Get("Cache-Control"))
	}
	resp, _ = s.do(t, http.MethodGet, "/assets/app-3f9a.js", "")
	if resp.StatusCode != http.StatusOK || !strings.Contains(resp.Header.Get("Cache-Control"), "immutable") {
		t.Fatalf("hashed asset: %d %q", resp.StatusCode, resp.Header.Get("Cache-Control"))
	}
	resp, _ = s.do(t, http.MethodGet, "/assets/missing-1234.js", "")
	if resp.StatusCode != http.StatusNotFound {
		t.Fatalf("missing asset: %d", resp.StatusCode)
	}
	// A path the app does not have: the shell (its own "niet gevonden"
	// page) with 404, never 200.
	for _, p := range []string{"/vacatures/123/pool", "/onzin", "/beheer", "/vacatures/"} {
		resp, body = s.do(t, http.MethodGet, p, "")
		if resp.StatusCode != http.StatusNotFound || !bytes.Contains(body, []byte("Werkhaven")) {
			t.Errorf("unknown page %s: %d %.40s", p, resp.StatusCode, body)
		}
	}
	resp, body = s.do(t, http.MethodGet, "/api/v1/nope", "")
	problemOf(t, resp, body, http.StatusNotFound)
	resp, body = s.do(t, http.MethodGet, "/api/nope", "")
	problemOf(t, resp, body, http.StatusNotFound)
	// The development pages do not exist here (as in production): no app shell.
	for _, p := range []string{"/dev/mail", "/dev/betalen", "/dev"} {
		resp, body = s.do(t, http.MethodGet, p, "")
		problemOf(t, resp, body, http.StatusNotFound)
	}
}

// Each page's address gets index.html, or the route's own page (the build's
// inloggen.html for /inloggen), with the links to what that page needs in the
// user's language (the build's preload.json; the werkhaven_lang cookie, Dutch
// without it), as the app's router would pick the route; without a usable
// preload file the page is served as built.
func TestServesEachPageWithItsPreloads(t *testing.T) {
	index := "<!doctype html><head><title>Werkhaven</title></head><body></body>"
	signIn := "<!doctype html><head><title>Inloggen</title></head><body></body>"
	link := func(f string) string { return `<link rel="modulepreload" crossorigin href="` + f + `">` }
	preloads := `{
	 "nl": {"/vacatures/:id": ["/assets/OpeningPage-1.js", "/assets/OpeningPage-nl-2.js"], "/vacatures/nieuw": ["/assets/OpeningForm-3.js", "/assets/page-4.css"], "/inloggen": []},
	 "en": {"/vacatures/:id": ["/assets/en-core-5.js", "/assets/OpeningPage-1.js", "/assets/OpeningPage-en-6.js"], "": ["/assets/en-core-5.js"], "/inloggen": ["/assets/en-core-5.js"]}}`
	type want struct {
		path, lang string
		links      []string
		title      string // of the page sent: Werkhaven (index.html) unless set
	}
	for _, c := range []struct {
		name, preload string
		want          []want
	}{
		{"preloads", preloads, []want{
			{"/vacatures/abc", "", []string{link("/assets/OpeningPage-1.js"), link("/assets/OpeningPage-nl-2.js")}, ""},
			{"/vacatures/abc", "nl", []string{link("/assets/OpeningPage-1.js"), link("/assets/OpeningPage-nl-2.js")}, ""},
			{"/vacatures/nieuw", "", []string{link("/assets/OpeningForm-3.js"), `<link rel="preload" as="style" href="/assets/page-4.css">`}, ""},
			{"/caseload", "", nil, ""},
			{"/onzin", "", nil, ""},
			{"/vacatures/abc", "en", []string{link("/assets/en-core-5.js"), link("/assets/OpeningPage-1.js"), link("/assets/OpeningPage-en-6.js")}, ""},
			{"/inloggen", "en", []string{link("/assets/en-core-5.js")}, "Inloggen"},
			{"/inloggen", "", nil, "Inloggen"},
			{"/inloggen/link", "en", []string{link("/assets/en-core-5.js")}, ""},
			{"/aanmelden", "en", []string{link("/assets/en-core-5.js")}, ""},
			{"/vacatures/abc", "fr", []string{link("/assets/OpeningPage-1.js"), link("/assets/OpeningPage-nl-2.js")}, ""},
		}},
		{"no preload file", "", []want{{"/vacatures/abc", "", nil, ""}, {"/vacatures/abc", "en", nil, ""}, {"/inloggen", "en", nil, "Inloggen"}, {"/onzin", "", nil, ""}}},
		{"not an asset", `{"nl": {"/vacatures/:id": ["/assets/a.js", "https://elders.example/x.js"]}}`, []want{{"/vacatures/abc", "", nil, ""}, {"/inloggen", "", nil, "Inloggen"}}},
		{"not JSON", `{"nl": {"/vacatures/:id": `, []want{{"/vacatures/abc", "", nil, ""}}},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			must(t, os.MkdirAll(filepath.Join(dir, "assets"), 0o755))
			must(t, os.WriteFile(filepath.Join(dir, "index.html"), []byte(index), 0o644))
			must(t, os.WriteFile(filepath.Join(dir, "inloggen.html"), []byte(signIn), 0o644))
			// A page for no route of the app is not sent for any address.
			must(t, os.WriteFile(filepath.Join(dir, "onzin.html"), []byte(signIn), 0o644))
			if c.preload != "" {
				must(t, os.WriteFile(filepath.Join(dir, "preload.json"), []byte(c.preload), 0o644))
			}
			s := newServer(t, nil, dir)
			for _, w := range c.want {
				var headers []string
				if w.lang != "" {
					headers = []string{"Cookie", "werkhaven_lang=" + w.lang}
				}
				resp, body := s.do(t, http.MethodGet, w.path, "", headers...)
				page := string(body)
				if !strings.Contains(resp.Header.Get("Vary"), "Cookie") {
					t.Errorf("%s: Vary %q: the page differs by the language cookie", w.path, resp.Header.Get("Vary"))
				}
				title := cmp.Or(w.title, "Werkhaven")
				if !strings.HasSuffix(page, "</head><body></body>") || !strings.HasPrefix(page, "<!doctype html><head><title>"+title+"</title>") {
					t.Errorf("%s (%s): not the page titled %s: %s", w.path, w.lang, title, page)
				}
				if got := strings.Count(page, "<link "); got != len(w.links) {
					t.Errorf("%s (%s): %d links, want %d: %s", w.path, w.lang, got, len(w.links), page)
				}
				for _, l := range w.links {
					if !strings.Contains(page, l) {
						t.Errorf("%s (%s): lacks %s: %s", w.path, w.lang, l, page)
					}
				}
			}
		})
	}
}

// Hashed assets go out in the best encoding the browser takes (Brotli,
// else gzip, else as they are), from the files the build compressed ahead
// when they are there, and stay cacheable per encoding.
func TestServesAssetsCompressed(t *testing.T) {
	dir := t.TempDir()
	must(t, os.MkdirAll(filepath.Join(dir, "assets"), 0o755))
	must(t, os.WriteFile(filepath.Join(dir, "index.html"), []byte("<!doctype html><title>Werkhaven</title>"), 0o644))
	script := bytes.Repeat([]byte("console.log('werkhaven');\n"), 200)
	must(t, os.WriteFile(filepath.Join(dir, "assets", "app-3f9a.js"), script, 0o644))
	must(t, os.WriteFile(filepath.Join(dir, "assets", "built-77aa.js"), script, 0o644))
	// What the build wrote ahead for built-77aa.js: served as it is.
	var ahead bytes.Buffer
	bw := brotli.NewWriterLevel(&ahead, brotli.BestCompression)
	_, _ = bw.Write([]byte("console.log('compressed by the build');"))
	must(t, bw.Close())
	must(t, os.WriteFile(filepath.Join(dir, "assets", "built-77aa.js.br"), ahead.Bytes(), 0o644))
	s := newServer(t, nil, dir)

	decode := map[string]func(io.Reader) (io.Reader, error){
		"br":   func(r io.Reader) (io.Reader, error) { return brotli.NewReader(r), nil },
		"gzip": func(r io.Reader) (io.Reader, error) { return gzip.NewReader(r) },
		"":     func(r io.Reader) (io.Reader, error) { return r, nil },
	}
	for _, c := range []struct{ path, accept, want, body string }{
		{"/assets/app-3f9a.js", "gzip, deflate, br, zstd", "br", string(script)},
		{"/assets/app-3f9a.js", "gzip", "gzip", string(script)},
		{"/assets/app-3f9a.js", "identity", "", string(script)},
		{"/assets/built-77aa.js", "br", "br", "console.log('compressed by the build');"},
	} {
		resp, body := s.do(t, http.MethodGet, c.path, "", "Accept-Encoding", c.accept)
		if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Encoding") != c.want {
			t.Fatalf("%s with %q: %d, Content-Encoding %q, want %q", c.path, c.accept, resp.StatusCode, resp.Header.Get("Content-Encoding"), c.want)
		}
		r, err := decode[c.want](bytes.NewReader(body))
		must(t, err)
		plain, err := io.ReadAll(r)
		must(t, err)
		if string(plain) != c.body {
			t.Errorf("%s with %q: body %.60q, want %.60q", c.path, c.accept, plain, c.body)
		}
		if !strings.Contains(resp.Header.Get("Vary"), "Accept-Encoding") || !strings.Contains(resp.Header.Get("Cache-Control"), "immutable") {
			t.Errorf("%s: Vary %q, Cache-Control %q", c.path, resp.Header.Get("Vary"), resp.Header.Get("Cache-Control"))
		}
		if !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/javascript") {
			t.Errorf("%s: Content-Type %q", c.path, resp.Header.Get("Content-Type"))
		}
	}
	resp, _ := s.do(t, http.MethodGet, "/assets/", "", "Accept-Encoding", "br")
	if resp.StatusCode != http.StatusNotFound {
		t.Fatalf("the assets folder itself: %d, want 404", resp.StatusCode)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// Shutdown waits for requests in flight: a slow request started before
// SIGTERM still gets its answer.
func TestShutdownDrainsRequestsInFlight(t *testing.T) {
	cfg, err := config.LoadFrom(nil)
	must(t, err)
	srv := httpapi.New(httpapi.Deps{Config: cfg})
	started := make(chan struct{})
	huma.Register(srv.API, huma.Operation{OperationID: "slow", Method: http.MethodGet, Path: "/slow-things"},
		func(_ context.Context, _ *struct{}) (*echoOutput, error) {
			close(started)
			time.Sleep(300 * time.Millisecond)
			out := &echoOutput{}
			out.Body.Name = "klaar"
			return out, nil
		})
	app := srv.Finish()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	must(t, err)
	go func() { _ = app.Listener(ln) }()

	type result struct {
		status int
		body   string
		err    error
	}
	done := make(chan result, 1)
	go func() {
		resp, err := http.Get("http://" + ln.Addr().String() + "/api/v1/slow-things")
		if err != nil {
			done <- result{err: err}
			return
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		done <- result{status: resp.StatusCode, body: string(b)}
	}()
	<-started
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	must(t, app.ShutdownWithContext(ctx))
	r := <-done
	if r.err != nil || r.status != http.StatusOK || !strings.Contains(r.body, "klaar") {
		t.Fatalf("request in flight during shutdown: %+v", r)
	}
	if _, err := http.Get("http://" + ln.Addr().String() + "/healthz"); err == nil {
		t.Fatal("after shutdown no new requests are accepted")
	}
}

func TestClientIPBehindAProxy(t *testing.T) {
	serve := func(env ...string) *fiber.App {
		cfg, err := config.LoadFrom(env)
		if err != nil {
			t.Fatal(err)
		}
		srv := httpapi.New(httpapi.Deps{Config: cfg})
		huma.Register(srv.API, huma.Operation{OperationID: "whoami", Method: http.MethodGet, Path: "/whoami"},
			func(ctx context.Context, _ *struct{}) (*echoOutput, error) {
				out := &echoOutput{}
				out.Body.Name = httpapi.ClientIP(ctx)
				return out, nil
			})
		return srv.Finish()
	}
	ask := func(app *fiber.App, header string) string {
		req := httptest.NewRequest(http.MethodGet, "/api/v1/whoami", nil)
		if header != "" {
			req.Header.Set("X-Forwarded-For", header)
		}
		resp, err := app.Test(req, -1)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var out struct{ Name string }
		if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
			t.Fatal(err)
		}
		return out.Name
	}
	proxied := serve("PROXY_HEADER=X-Forwarded-For")
	peer := ask(serve(), "")
	for header, want := range map[string]string{
		"198.51.100.7": "198.51.100.7",
		// The proxy appends the address it saw; what the client sent
		// before it is the client's to choose.
		"203.0.113.9, 198.51.100.7":      "198.51.100.7",
		"anything at all,198.51.100.7 ":  "198.51.100.7",
		"2001:db8::1":                    "2001:db8::1",
		"203.0.113.9, [2001:db8::2]:443": "2001:db8::2",
		"::ffff:198.51.100.8":            "198.51.100.8",
		"198.51.100.7:61234":             "198.51.100.7",
		// Not an address: the peer's.
		"":                           peer,
		"203.0.113.9, not-an-ip":     peer,
		"203.0.113.9, 198.51.100.7,": peer,
	} {
		if got := ask(proxied, header); got != want {
			t.Errorf("X-Forwarded-For %q: client IP %q, want %q", header, got, want)
		}
	}
	// Without PROXY_HEADER the header is ignored.
	if got := ask(serve(), "198.51.100.7"); got != peer {
		t.Errorf("without PROXY_HEADER: %q, want the peer %q", got, peer)
	}
}

// An app page names the API requests the app asks first there (the build's
// first-requests.json) as fetch preloads: the session always; the page's
// first data for someone with a session cookie at an address without a
// query, with the route's id filled in when it is a plain id. The sign-in
// page, a page of its own that asks none of them, names none.
func TestNamesThePagesFirstRequests(t *testing.T) {
	dir := t.TempDir()
	must(t, os.MkdirAll(filepath.Join(dir, "assets"), 0o755))
	must(t, os.WriteFile(filepath.Join(dir, "index.html"), []byte("<!doctype html><head><title>Werkhaven</title></head><body></body>"), 0o644))
	must(t, os.WriteFile(filepath.Join(dir, "inloggen.html"), []byte("<!doctype html><head><title>Inloggen</title></head><body></body>"), 0o644))
	must(t, os.WriteFile(filepath.Join(dir, "first-requests.json"), []byte(`{
	 "": ["/api/v1/sessions/current"],
	 "/vacatures/:id/kandidaten": ["/api/v1/openings/:id", "/api/v1/openings/:id/pool?page=1"],
	 "/caseload": ["/api/v1/candidates?sort=-updatedAt&page=1&pageSize=25"]}`), 0o644))
	s := newServer(t, nil, dir)
	fetch := func(u string) string { return `<link rel="preload" as="fetch" crossorigin href="` + u + `">` }
	session := fetch("/api/v1/sessions/current")
	signedIn := []string{"Cookie", "wh_session=s1; werkhaven_lang=en"}
	for _, c := range []struct {
		path    string
		headers []string
		want    []string
	}{
		{"/vacatures/o1/kandidaten", signedIn, []string{session, fetch("/api/v1/openings/o1"), fetch("/api/v1/openings/o1/pool?page=1")}},
		{"/caseload", signedIn, []string{session, fetch("/api/v1/candidates?sort=-updatedAt&amp;page=1&amp;pageSize=25")}},
		// Not signed in: the app asks the session, then goes to sign-in.
		{"/vacatures/o1/kandidaten", nil, []string{session}},
		// A query changes what the page asks: the app asks it itself.
		{"/vacatures/o1/kandidaten?straal=10", signedIn, []string{session}},
		// Only a plain id goes into a request.
		{"/vacatures/o1%22%3E%3Cscript%3E/kandidaten", signedIn, []string{session}},
		{"/vacatures/o1/uitnodigingen", signedIn, []string{session}},
		{"/inloggen", signedIn, nil},
		{"/onzin", signedIn, nil},
	} {
		resp, body := s.do(t, http.MethodGet, c.path, "", c.headers...)
		page := string(body)
		if got := strings.Count(page, `as="fetch"`); got != len(c.want) {
			t.Errorf("%s (status %d): %d fetch preloads, want %d: %s", c.path, resp.StatusCode, got, len(c.want), page)
		}
		for _, l := range c.want {
			if !strings.Contains(page, l) {
				t.Errorf("%s: lacks %s: %s", c.path, l, page)
			}
		}
		if strings.Contains(page, "<script>") {
			t.Errorf("%s: the address got into the page: %s", c.path, page)
		}
	}
}
