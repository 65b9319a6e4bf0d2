package httpapi

import "testing"

func TestBadText(t *testing.T) {
	for _, c := range []struct{ body, path, code string }{
		{`{"name":"abc\u0000def"}`, "name", "nul"},
		{`{"profile":{"experience":"ok","languages":[{"code":"nl"},{"code":"x\u0000"}]}}`, "profile.languages[1].code", "nul"},
		{"{\"a\":[\"ok\",\"\xff\xfe\"]}", "a[1]", "utf8"},
		{"{\"ke\xffy\":1}", "ke\uFFFDy", "utf8"},
		{`{"a":"b","c":[1,2,{"d":"e"}],"f":null}`, "", ""},
		{`{"a":"\\u0000 is written like this"}`, "", ""},
		{`not json`, "", ""},
		{`{"a":1,"b":{"a":2},"a":3}`, "a", "duplicateKey"},
		{`{"p":{"x":[{"k":1,"k":2}]}}`, "p.x[0].k", "duplicateKey"},
		{`[{"k":1},{"k":2}]`, "", ""},
	} {
		path, code := badText([]byte(c.body))
		if path != c.path || code != c.code {
			t.Errorf("%q: %q %q, want %q %q", c.body, path, code, c.path, c.code)
		}
	}
}
