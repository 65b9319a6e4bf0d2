package app_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"pgregory.net/rapid"

	"github.com/werkhaven/werkhaven/backend/internal/app/apptest"
	"github.com/werkhaven/werkhaven/backend/internal/occupation"
	"github.com/werkhaven/werkhaven/backend/internal/opening"
	"github.com/werkhaven/werkhaven/backend/internal/testkit"
)

// R7 — contract fuzzing. Every operation of the OpenAPI document the app's
// huma API builds is called with inputs generated from its schemas (path,
// query and header parameters, JSON bodies), valid ones and ones broken on
// purpose (a wrong type, out of range, an unknown or a missing member,
// malformed JSON, a huge string, an unknown id, another region's id), as
// every role and anonymously. Each answer must be below 500, have a status
// the operation declares, a content type it declares for that status
// (problems as application/problem+json) and a JSON body valid against the
// declared schema.
//
// 1,000 requests by default; FUZZ_N=10000 for a longer run (figures in
// docs/operations.md). rapid draws the requests: a failure prints the seed
// (-rapid.seed=N, or RAPID_SEED=N) that draws the same requests again, and
// FUZZ_KEEPGOING=1 lists every finding instead of stopping at the first.
// Mail goes to the fixture's own SMTP server, Stripe is stripe-mock.
func TestContractFuzzing(t *testing.T) {
	n := 1000
	if v := os.Getenv("FUZZ_N"); v != "" {
		var err error
		if n, err = strconv.Atoi(v); err != nil || n < 1 {
			t.Fatalf("FUZZ_N=%q is not a positive number", v)
		}
	}
	keepGoing := os.Getenv("FUZZ_KEEPGOING") != ""
	for name, value := range map[string]string{"rapid.checks": strconv.Itoa(n), "rapid.nofailfile": "true", "rapid.shrinktime": "20s"} {
		apptest.Must(t, flag.Set(name, value))
	}
	// The seed, chosen here so that a run with findings names it too.
	if flag.Lookup("rapid.seed").Value.String() == "0" {
		apptest.Must(t, flag.Set("rapid.seed", strconv.FormatUint(uint64(time.Now().UnixNano()), 10)))
	}
	seed := flag.Lookup("rapid.seed").Value.String()

	f := apptest.New(t)
	fz := newFuzzer(t, f)
	started := time.Now()
	check := func(ops []*fuzzOp) func(*rapid.T) {
		return func(rt *rapid.T) {
			op := rapid.SampledFrom(ops).Draw(rt, "operation")
			// Mostly a role the operation is for, so that valid input gets
			// past the access rule; else anyone.
			role := rapid.SampledFrom(fz.roleNames).Draw(rt, "role")
			if len(op.roles) > 0 && rapid.IntRange(0, 3).Draw(rt, "allowed") > 0 {
				role = rapid.SampledFrom(op.roles).Draw(rt, "allowedRole")
			}
			req := fz.request(rt, op)
			res := fz.send(role, op, req)
			for _, finding := range fz.check(op, res) {
				body := req.body
				if len(body) > 2000 {
					body = body[:2000] + "…"
				}
				msg := fmt.Sprintf("%s as %s: %s %s%s\n  body %s\n  → %d %s %.600s\n  (RAPID_SEED=%s repeats the run)", finding, role, op.method, req.path, req.query, body,
					res.status, res.contentType, res.body, seed)
				if keepGoing {
					t.Log(msg)
					fz.findings++
				} else {
					rt.Error(msg)
				}
			}
		}
	}
	rapid.Check(t, check(fz.ops))
	// rapid draws small indexes more often than large ones: the operations
	// the run did not reach get 8 requests each, so every one is called.
	if missed := fz.missed(); len(missed) > 0 {
		apptest.Must(t, flag.Set("rapid.checks", strconv.Itoa(8*len(missed))))
		rapid.Check(t, check(missed))
	}
	fz.report(time.Since(started), seed)
	if fz.findings > 0 {
		t.Errorf("%d findings (FUZZ_KEEPGOING); RAPID_SEED=%s repeats the run", fz.findings, seed)
	}
}

// fuzzOp is one operation of the document.
type fuzzOp struct {
	id, method, path string
	params           []fuzzParam
	roles            []string       // the roles its access rule allows
	body             map[string]any // the request body's schema, nil without one
	bodyType         string
	responses        map[string]map[string]*jsonschema.Schema // status → content type → schema (nil: no schema)
}

type fuzzParam struct {
	name, in string
	required bool
	explode  bool
	schema   map[string]any
}

type fuzzRequest struct {
	path, query string
	header      map[string]string
	body        string
	contentType string
}

type fuzzResult struct {
	status      int
	contentType string
	body        []byte
}

type fuzzer struct {
	t         *testing.T
	f         *apptest.Fixture
	doc       map[string]any
	ops       []*fuzzOp
	roles     map[string]*apptest.Browser
	roleNames []string
	signIn    map[string]func() *apptest.Browser
	// ids are the ids in the database by table (the acting users and the
	// demo kandidaat's own candidate left out: erasing or deactivating
	// them would end the run's sessions); refreshed every 100 requests, so
	// what the run creates is used too.
	ids     map[string][]string
	allIDs  []string
	foreign []string // ids of region B's objects
	sent    int

	findings int
	byRole   map[string]int
	statuses map[int]int
	opsSeen  map[string]bool
}

func newFuzzer(t *testing.T, f *apptest.Fixture) *fuzzer {
	fz := &fuzzer{t: t, f: f, roles: map[string]*apptest.Browser{}, signIn: map[string]func() *apptest.Browser{},
		byRole: map[string]int{}, statuses: map[int]int{}, opsSeen: map[string]bool{}}
	raw, err := jsonschema.UnmarshalJSON(bytes.NewReader(f.OpenAPI))
	apptest.Must(t, err)
	fz.doc = raw.(map[string]any)
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	c.AssertFormat()
	apptest.Must(t, c.AddResource("openapi.json", raw))

	paths := fz.doc["paths"].(map[string]any)
	for _, path := range sortedKeys(paths) {
		methods := paths[path].(map[string]any)
		for _, method := range sortedKeys(methods) {
			o, ok := methods[method].(map[string]any)
			if !ok {
				continue
			}
			op := &fuzzOp{id: o["operationId"].(string), method: strings.ToUpper(method), path: path, responses: map[string]map[string]*jsonschema.Schema{}}
			for _, r := range strings.Split(asString(o["x-werkhaven-access"]), ",") {
				switch r {
				case "public":
				case "zorgaanbieder":
					op.roles = append(op.roles, r, "provider")
				default:
					op.roles = append(op.roles, r)
				}
			}
			for _, p := range asList(o["parameters"]) {
				p := p.(map[string]any)
				fp := fuzzParam{name: p["name"].(string), in: p["in"].(string), schema: asMap(p["schema"])}
				fp.required, _ = p["required"].(bool)
				fp.explode, _ = p["explode"].(bool)
				op.params = append(op.params, fp)
			}
			if rb := asMap(o["requestBody"]); rb != nil {
				for ct, media := range asMap(rb["content"]) {
					op.bodyType, op.body = ct, fz.resolve(asMap(asMap(media)["schema"]))
				}
			}
			for status, r := range asMap(o["responses"]) {
				op.responses[status] = map[string]*jsonschema.Schema{}
				for ct, media := range asMap(asMap(r)["content"]) {
					var sch *jsonschema.Schema
					if asMap(media)["schema"] != nil {
						ptr := "openapi.json#/paths/" + escapePointer(path) + "/" + method + "/responses/" + status + "/content/" + escapePointer(ct) + "/schema"
						sch, err = c.Compile(ptr)
						apptest.Must(t, err)
					}
					op.responses[status][ct] = sch
				}
			}
			fz.ops = append(fz.ops, op)
		}
	}
	// The validator is live: a problem with a status that is not a number fails.
	problem, err := c.Compile("openapi.json#/components/schemas/Problem")
	apptest.Must(t, err)
	if problem.Validate(map[string]any{"status": "vijfhonderd"}) == nil {
		t.Fatal("the Problem schema takes a status that is not a number")
	}
	if len(fz.ops) < 100 {
		t.Fatalf("only %d operations in the document", len(fz.ops))
	}

	// Something to act on: an open vacature with a candidate that fits, a
	// service with a provider and a booking of it.
	f.BootstrapCandidates()
	// The occupations index serve builds (the fixture leaves it out).
	_, err = f.Search.Reindex(testkit.Context(t), occupation.Source{DB: f.DB.Gorm})
	apptest.Must(t, err)
	f.NewOpening("Bakkerij De Korenschoof", opening.Open)
	f.ConsentTo(f.NewCandidate("Kandidaat Fuzz", ""))
	admin := f.Browser().SignIn(apptest.AdminA)
	provider := "planning@jobcoachutrecht.demo.werkhaven.nl"
	var providerOrg string
	apptest.Must(t, f.DB.Gorm.Raw(`SELECT organisation_id::text FROM users WHERE email = ?`, provider).Row().Scan(&providerOrg))
	resp, body := admin.Do(http.MethodPost, "/api/v1/services", fmt.Sprintf(`{"providerId":%q,"kind":"jobcoaching","titleNl":"Jobcoaching","titleEn":"Job coaching","descriptionNl":"Een jobcoach helpt.",
		"priceCents":8500,"priceUnit":"per_hour","requiresApproval":true,"eligibility":[],"cancelFreeHours":48,"cancelFeePercent":50,
		"schedulable":false,"active":true,"hours":[]}`, providerOrg))
	if resp.StatusCode != http.StatusCreated {
		t.Fatalf("service: %d %s", resp.StatusCode, body)
	}
	var service struct{ ID string }
	_ = json.Unmarshal(body, &service)
	wg := f.Browser().SignIn(apptest.WerkgeverA)
	if resp, body := wg.Do(http.MethodPost, "/api/v1/bookings", fmt.Sprintf(`{"serviceId":%q,"quantity":4}`, service.ID)); resp.StatusCode != http.StatusCreated {
		t.Fatalf("booking: %d %s", resp.StatusCode, body)
	}

	for role, email := range map[string]string{"admin": apptest.AdminA, "accountmanager": apptest.AmA, "klantmanager": apptest.KmA,
		"werkgever": apptest.WerkgeverA, "zorgaanbieder": apptest.ZorgA, "provider": provider, "platform": apptest.Platform} {
		fz.signIn[role] = func() *apptest.Browser { return f.Browser().SignIn(email) }
	}
	fz.signIn["kandidaat"] = func() *apptest.Browser {
		// The clock stands still: the sign-in links of earlier runs would
		// count against the address for ever.
		apptest.Must(t, f.DB.Gorm.Exec(`DELETE FROM mail_requests`).Error)
		return f.Kandidaat()
	}
	fz.signIn["anonymous"] = f.Browser
	for role, in := range fz.signIn {
		fz.roles[role] = in()
		fz.roleNames = append(fz.roleNames, role)
	}
	sort.Strings(fz.roleNames)
	fz.loadIDs()
	return fz
}

// loadIDs reads the ids of every table with a uuid id.
func (fz *fuzzer) loadIDs() {
	g := fz.f.DB.Gorm
	var tables []string
	apptest.Must(fz.t, g.Raw(`SELECT table_name FROM information_schema.columns WHERE table_schema = current_schema() AND column_name = 'id' AND data_type = 'uuid' ORDER BY 1`).Scan(&tables).Error)
	keep := map[string]bool{fz.f.MyCandidate: false}
	for _, email := range []string{apptest.AdminA, apptest.AmA, apptest.KmA, apptest.WerkgeverA, apptest.ZorgA, apptest.KandidaatA, "planning@jobcoachutrecht.demo.werkhaven.nl"} {
		keep[fz.f.User[email]] = false
	}
	fz.ids, fz.allIDs = map[string][]string{}, nil
	for _, table := range tables {
		var ids []string
		apptest.Must(fz.t, g.Raw(fmt.Sprintf(`SELECT id::text FROM %q ORDER BY random() LIMIT 50`, table)).Scan(&ids).Error)
		for _, id := range ids {
			if ok, listed := keep[id]; listed && !ok {
				continue
			}
			fz.ids[table] = append(fz.ids[table], id)
			fz.allIDs = append(fz.allIDs, id)
		}
	}
	fz.foreign = []string{fz.f.RegionB, fz.f.User[apptest.AdminB], fz.f.User[apptest.WerkgeverB]}
	var orgB string
	apptest.Must(fz.t, g.Raw(`SELECT id::text FROM organisations WHERE region_id = ?`, fz.f.RegionB).Row().Scan(&orgB))
	fz.foreign = append(fz.foreign, orgB)
	sort.Strings(fz.allIDs)
}

// id draws an id for a parameter or member: mostly one of the table the
// name points at, else any id, one of another region, or none at all.
func (fz *fuzzer) id(rt *rapid.T, hint string) string {
	table := tableFor(hint, fz.ids)
	switch k := rapid.IntRange(0, 9).Draw(rt, "idKind"); {
	case k < 6 && len(fz.ids[table]) > 0:
		return rapid.SampledFrom(fz.ids[table]).Draw(rt, "id")
	case k < 8 && len(fz.allIDs) > 0:
		return rapid.SampledFrom(fz.allIDs).Draw(rt, "anyId")
	case k < 9:
		return rapid.SampledFrom(fz.foreign).Draw(rt, "foreignId")
	default:
		return uuid.NewSHA1(uuid.NameSpaceOID, []byte(strconv.Itoa(rapid.Int().Draw(rt, "unknownId")))).String()
	}
}

// tableFor names the table an id parameter or member points at: bookings
// for /bookings/{id}, services for serviceId, booking_extensions for
// extensionId.
func tableFor(hint string, ids map[string][]string) string {
	hint = strings.TrimSuffix(strings.TrimSuffix(hint, "Ids"), "Id")
	hint = strings.ToLower(regexp.MustCompile(`([a-z])([A-Z])`).ReplaceAllString(hint, "${1}_${2}"))
	hint = strings.ReplaceAll(hint, "-", "_")
	for _, name := range []string{hint, hint + "s", strings.TrimSuffix(hint, "s"), "booking_" + hint + "s"} {
		if _, ok := ids[name]; ok {
			return name
		}
	}
	return ""
}

// request draws one request for op: valid from its schemas, and in about
// half the cases broken in one way.
func (fz *fuzzer) request(rt *rapid.T, op *fuzzOp) fuzzRequest {
	req := fuzzRequest{path: op.path, header: map[string]string{}, contentType: op.bodyType}
	segments := strings.Split(op.path, "/")
	mutation := "none"
	if rapid.Bool().Draw(rt, "broken") {
		mutation = rapid.SampledFrom([]string{"wrongType", "outOfRange", "unknownMember", "missingMember", "malformedJSON", "hugeString",
			"badId", "unknownId", "badQuery", "contentType", "emptyBody"}).Draw(rt, "mutation")
	}
	query, badQuery := url.Values{}, false
	for i, p := range op.params {
		var v string
		switch p.in {
		case "path":
			hint := p.name
			if hint == "id" {
				for j, s := range segments {
					if s == "{id}" && j > 0 {
						hint = segments[j-1]
					}
				}
			}
			switch {
			case mutation == "badId" && rapid.Bool().Draw(rt, "badThis"):
				v = rapid.SampledFrom([]string{"niet-een-id", "1", "' OR 1=1 --", "00000000-0000-0000-0000-00000000000g", strings.Repeat("a", 3000), "%00"}).Draw(rt, "badId")
			case mutation == "unknownId":
				v = uuid.NewSHA1(uuid.NameSpaceURL, []byte(strconv.Itoa(rapid.Int().Draw(rt, "unknown")))).String()
			case asString(p.schema["format"]) == "uuid":
				v = fz.id(rt, hint)
			default:
				v = fz.scalar(rt, p.schema, p.name)
			}
			if v == "" {
				v = "0" // an empty segment addresses another route
			}
			req.path = strings.Replace(req.path, "{"+p.name+"}", url.PathEscape(v), 1)
		case "query":
			if !p.required && !rapid.Bool().Draw(rt, "with "+p.name) {
				continue
			}
			if mutation == "badQuery" && !badQuery && rapid.Bool().Draw(rt, "badThis") {
				badQuery = true // one: two long ones pass fasthttp's 4 KiB request line
				query.Set(p.name, rapid.SampledFrom([]string{"abc", "-1", "99999999999999999999", "", "true", "2026-13-45", strings.Repeat("x", 2000)}).Draw(rt, "badQuery"))
				continue
			}
			val := fz.value(rt, p.schema, p.name, 0)
			if list, ok := val.([]any); ok {
				parts := make([]string, len(list))
				for j, x := range list {
					parts[j] = fmt.Sprint(x)
				}
				if p.explode {
					for _, s := range parts {
						query.Add(p.name, s)
					}
				} else {
					query.Set(p.name, strings.Join(parts, ","))
				}
				continue
			}
			query.Set(p.name, fmt.Sprint(val))
		case "header":
			if p.name == "Stripe-Signature" {
				req.header[p.name] = "t=1,v1=" + rapid.StringMatching(`[0-9a-f]{0,64}`).Draw(rt, "signature")
			} else if rapid.Bool().Draw(rt, "with "+p.name) {
				req.header[p.name] = fz.scalar(rt, p.schema, p.name)
			}
		}
		_ = i
	}
	if len(query) > 0 {
		req.query = "?" + query.Encode()
	}
	if op.body == nil {
		return req
	}
	if op.bodyType != "application/json" {
		req.body = rapid.SampledFrom([]string{`{"type":"payment_intent.succeeded","data":{"object":{}}}`, "", "\x00\x01"}).Draw(rt, "rawBody")
		return req
	}
	body := fz.value(rt, op.body, "body", 0)
	if obj, ok := body.(map[string]any); ok {
		props := sortedKeys(asMap(op.body["properties"]))
		switch mutation {
		case "wrongType":
			if len(props) > 0 {
				obj[rapid.SampledFrom(props).Draw(rt, "member")] = rapid.SampledFrom([]any{"tekst", 12, -1.5, true, nil, []any{1}, map[string]any{"a": 1}}).Draw(rt, "wrongValue")
			} else {
				body = []any{obj}
			}
		case "outOfRange":
			if len(props) > 0 {
				name := rapid.SampledFrom(props).Draw(rt, "member")
				obj[name] = outOfRange(rt, fz.resolve(asMap(asMap(op.body["properties"])[name])))
			}
		case "unknownMember":
			obj["onbekendVeld"] = rapid.SampledFrom([]any{1, "x", nil}).Draw(rt, "unknownValue")
		case "missingMember":
			if req := asList(op.body["required"]); len(req) > 0 {
				delete(obj, asString(rapid.SampledFrom(req).Draw(rt, "missing")))
			}
		case "hugeString":
			if len(props) > 0 {
				obj[rapid.SampledFrom(props).Draw(rt, "member")] = strings.Repeat("Ä", rapid.IntRange(10_000, 300_000).Draw(rt, "hugeLength"))
			}
		}
	}
	raw, _ := json.Marshal(body)
	req.body = string(raw)
	switch mutation {
	case "malformedJSON":
		req.body = req.body[:rapid.IntRange(0, len(req.body)-1).Draw(rt, "cut")]
	case "contentType":
		req.contentType = rapid.SampledFrom([]string{"text/plain", "application/xml", "multipart/form-data", ""}).Draw(rt, "contentType")
	case "emptyBody":
		req.body = ""
	}
	return req
}

// value draws a value valid for schema s (as far as its keywords go).
func (fz *fuzzer) value(rt *rapid.T, s map[string]any, name string, depth int) any {
	s = fz.resolve(s)
	if enum := asList(s["enum"]); len(enum) > 0 {
		return rapid.SampledFrom(enum).Draw(rt, name)
	}
	for _, key := range []string{"oneOf", "anyOf"} {
		if alts := asList(s[key]); len(alts) > 0 {
			return fz.value(rt, asMap(rapid.SampledFrom(alts).Draw(rt, name+" "+key)), name, depth)
		}
	}
	typ := s["type"]
	if types := asList(typ); len(types) > 0 {
		var nonNull []any
		for _, x := range types {
			if x != "null" {
				nonNull = append(nonNull, x)
			}
		}
		if len(nonNull) == 0 || rapid.IntRange(0, 9).Draw(rt, name+" null?") == 0 {
			return nil
		}
		typ = rapid.SampledFrom(nonNull).Draw(rt, name+" type")
	}
	switch typ {
	case "object":
		obj := map[string]any{}
		if depth > 5 {
			return obj
		}
		required := map[string]bool{}
		for _, r := range asList(s["required"]) {
			required[asString(r)] = true
		}
		props := asMap(s["properties"])
		for _, key := range sortedKeys(props) {
			ps := fz.resolve(asMap(props[key]))
			if ro, _ := ps["readOnly"].(bool); ro || key == "$schema" {
				continue
			}
			if required[key] || rapid.Bool().Draw(rt, name+"."+key+"?") {
				obj[key] = fz.value(rt, ps, key, depth+1)
			}
		}
		if extra := asMap(s["additionalProperties"]); extra != nil && len(props) == 0 {
			for i := range rapid.IntRange(0, 2).Draw(rt, name+" entries") {
				obj[fmt.Sprintf("k%d", i)] = fz.value(rt, extra, name+"[]", depth+1)
			}
		}
		return obj
	case "array":
		lo, hi := intKeyword(s, "minItems", 0), intKeyword(s, "maxItems", 4)
		hi = min(hi, lo+3)
		out := []any{}
		seen := map[string]bool{}
		for range rapid.IntRange(lo, max(lo, hi)).Draw(rt, name+" items") {
			v := fz.value(rt, asMap(s["items"]), name, depth+1)
			key, _ := json.Marshal(v)
			if u, _ := s["uniqueItems"].(bool); u && seen[string(key)] {
				continue
			}
			seen[string(key)] = true
			out = append(out, v)
		}
		return out
	case "integer":
		lo, hi := numberRange(s)
		return rapid.Int64Range(int64(math.Ceil(lo)), int64(math.Floor(hi))).Draw(rt, name)
	case "number":
		lo, hi := numberRange(s)
		step := 0.01
		if m, ok := number(s["multipleOf"]); ok {
			step = m
		}
		k := rapid.Int64Range(int64(math.Ceil(lo/step)), int64(math.Floor(hi/step))).Draw(rt, name)
		return math.Round(float64(k)*step*100) / 100
	case "boolean":
		return rapid.Bool().Draw(rt, name)
	case "string":
		return fz.scalar(rt, s, name)
	}
	return rapid.SampledFrom([]any{"x", 1, true}).Draw(rt, name+" any")
}

// scalar draws a string valid for a string schema: an id of the right
// table for uuids, dates, e-mail addresses, a match of its pattern, or
// text within its lengths.
func (fz *fuzzer) scalar(rt *rapid.T, s map[string]any, name string) string {
	s = fz.resolve(s)
	if enum := asList(s["enum"]); len(enum) > 0 {
		return fmt.Sprint(rapid.SampledFrom(enum).Draw(rt, name))
	}
	switch s["type"] {
	case "integer", "number", "boolean":
		return fmt.Sprint(fz.value(rt, s, name, 0))
	}
	day := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, rapid.IntRange(-400, 400).Draw(rt, name+" day"))
	switch asString(s["format"]) {
	case "uuid":
		return fz.id(rt, name)
	case "date":
		return day.Format(time.DateOnly)
	case "date-time":
		return day.Add(time.Duration(rapid.IntRange(0, 86399).Draw(rt, name+" second")) * time.Second).Format(time.RFC3339)
	case "email":
		return fmt.Sprintf("fuzz%d@example.test", rapid.IntRange(0, 9999).Draw(rt, name))
	case "uri":
		return "https://example.test/" + rapid.StringMatching(`[a-z]{0,8}`).Draw(rt, name)
	}
	lo, hi := intKeyword(s, "minLength", 0), intKeyword(s, "maxLength", 40)
	if p := asString(s["pattern"]); p != "" {
		if _, err := regexp.Compile(p); err == nil {
			v := rapid.StringMatching(p).Draw(rt, name)
			if n := len([]rune(v)); n >= lo && n <= hi {
				return v
			}
		}
	}
	letters := rapid.RuneFrom([]rune("abcdefghijklmnopqrstuvwxyz ABCZéëïöüß-'.0123456789"))
	return rapid.StringOfN(letters, lo, min(hi, lo+30), -1).Draw(rt, name)
}

// outOfRange is a value s does not allow: beyond its bounds or lengths,
// outside its enum, or of another type.
func outOfRange(rt *rapid.T, s map[string]any) any {
	if enum := asList(s["enum"]); len(enum) > 0 {
		return "geen-van-de-waarden"
	}
	if m, ok := number(s["maximum"]); ok {
		return m + 1
	}
	if m, ok := number(s["minimum"]); ok {
		return m - 1
	}
	if m, ok := number(s["maxLength"]); ok {
		return strings.Repeat("x", int(m)+1)
	}
	if m, ok := number(s["minLength"]); ok && m > 0 {
		return ""
	}
	if m, ok := number(s["maxItems"]); ok {
		return make([]any, int(m)+1)
	}
	return rapid.SampledFrom([]any{-1, 1e300, "", map[string]any{}}).Draw(rt, "outOfRange")
}

// send does the request as role, signing in again when the run ended the
// role's session (a sign-out, say).
func (fz *fuzzer) send(role string, op *fuzzOp, r fuzzRequest) fuzzResult {
	fz.sent++
	if fz.sent%100 == 0 {
		fz.loadIDs()
	}
	b := fz.roles[role]
	var body io.Reader
	if r.body != "" {
		body = strings.NewReader(r.body)
	}
	req := httptest.NewRequest(op.method, "/api/v1"+r.path+r.query, body)
	if r.contentType != "" {
		req.Header.Set("Content-Type", r.contentType)
	}
	for k, v := range r.header {
		req.Header.Set(k, v)
	}
	resp, raw, err := b.Send(req, 30_000)
	if err != nil {
		return fuzzResult{status: 599, body: []byte(err.Error())}
	}
	res := fuzzResult{status: resp.StatusCode, contentType: strings.TrimSpace(strings.Split(resp.Header.Get("Content-Type"), ";")[0]), body: raw}
	fz.byRole[role]++
	fz.statuses[res.status]++
	fz.opsSeen[op.id] = true
	ended := op.id == "signOut" && res.status == http.StatusNoContent || res.status == http.StatusUnauthorized && op.id != "signIn"
	if role != "anonymous" && ended {
		fz.t.Logf("%s signs in again after %s answered %d", role, op.id, res.status)
		fz.roles[role] = fz.signIn[role]()
	}
	return res
}

// check compares an answer with what op declares.
func (fz *fuzzer) check(op *fuzzOp, res fuzzResult) []string {
	var out []string
	if res.status >= 500 {
		out = append(out, fmt.Sprintf("%d from %s", res.status, op.id))
	}
	declared, ok := op.responses[strconv.Itoa(res.status)]
	if !ok {
		declared, ok = op.responses["default"]
	}
	if !ok {
		return append(out, fmt.Sprintf("%s answered %d, which it does not declare", op.id, res.status))
	}
	if res.status >= 400 && res.contentType != "application/problem+json" {
		out = append(out, fmt.Sprintf("%s answered %d as %q, not application/problem+json", op.id, res.status, res.contentType))
	}
	if len(res.body) == 0 && len(declared) == 0 {
		return out
	}
	sch, ok := declared[res.contentType]
	if !ok {
		return append(out, fmt.Sprintf("%s answered %d as %q; declared %v", op.id, res.status, res.contentType, sortedKeys(declared)))
	}
	if sch == nil || !strings.Contains(res.contentType, "json") {
		return out
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(res.body))
	if err != nil {
		return append(out, fmt.Sprintf("%s answered %d with a body that is not JSON: %v", op.id, res.status, err))
	}
	if err := sch.Validate(inst); err != nil {
		out = append(out, fmt.Sprintf("%s answered %d with a body its schema does not allow: %v", op.id, res.status, err))
	}
	return out
}

func (fz *fuzzer) report(took time.Duration, seed string) {
	var statuses []string
	for _, s := range sortedKeys(fz.statuses) {
		statuses = append(statuses, fmt.Sprintf("%d×%d", s, fz.statuses[s]))
	}
	var roles []string
	for _, r := range sortedKeys(fz.byRole) {
		roles = append(roles, fmt.Sprintf("%s %d", r, fz.byRole[r]))
	}
	var missed []string
	for _, op := range fz.missed() {
		missed = append(missed, op.id)
	}
	fz.t.Logf("contract fuzzing (RAPID_SEED=%s): %d requests in %v over %d of %d operations; per role: %s; statuses: %s; operations not reached: %v",
		seed, fz.sent, took.Round(time.Second), len(fz.opsSeen), len(fz.ops), strings.Join(roles, ", "), strings.Join(statuses, " "), missed)
	if len(missed) > 0 {
		fz.t.Errorf("%d requests and none to %v", fz.sent, missed)
	}
}

// missed are the operations no request has reached yet.
func (fz *fuzzer) missed() []*fuzzOp {
	var out []*fuzzOp
	for _, op := range fz.ops {
		if !fz.opsSeen[op.id] {
			out = append(out, op)
		}
	}
	return out
}

// resolve follows a $ref into the document's components.
func (fz *fuzzer) resolve(s map[string]any) map[string]any {
	for s != nil {
		ref, ok := s["$ref"].(string)
		if !ok {
			return s
		}
		var node any = fz.doc
		for _, part := range strings.Split(strings.TrimPrefix(ref, "#/"), "/") {
			node = asMap(node)[part]
		}
		s = asMap(node)
	}
	return map[string]any{}
}

func escapePointer(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "~", "~0"), "/", "~1")
}

func numberRange(s map[string]any) (float64, float64) {
	lo, hi := 0.0, 1000.0
	if m, ok := number(s["minimum"]); ok {
		lo = m
		if hi < lo {
			hi = lo + 1000
		}
	}
	if m, ok := number(s["exclusiveMinimum"]); ok {
		lo = m + 0.01
	}
	if m, ok := number(s["maximum"]); ok {
		hi = m
		if lo > hi {
			lo = hi - 1000
		}
	}
	if m, ok := number(s["exclusiveMaximum"]); ok {
		hi = m - 0.01
	}
	return lo, math.Max(lo, hi)
}

func intKeyword(s map[string]any, key string, fallback int) int {
	if m, ok := number(s[key]); ok {
		return int(m)
	}
	return fallback
}

func number(v any) (float64, bool) {
	switch x := v.(type) {
	case json.Number:
		f, err := x.Float64()
		return f, err == nil
	case float64:
		return x, true
	}
	return 0, false
}

func asMap(v any) map[string]any { m, _ := v.(map[string]any); return m }
func asList(v any) []any         { l, _ := v.([]any); return l }
func asString(v any) string      { s, _ := v.(string); return s }

func sortedKeys[K interface{ ~string | ~int }, V any](m map[K]V) []K {
	keys := make([]K, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	return keys
}
