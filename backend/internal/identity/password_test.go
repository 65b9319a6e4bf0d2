package identity

import (
	"errors"
	"strings"
	"testing"

	"github.com/werkhaven/werkhaven/backend/internal/platform/apperr"
)

func TestHashAndVerify(t *testing.T) {
	h, err := HashPassword("correct horse battery staple")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(h, "$argon2id$v=19$m=19456,t=2,p=1$") {
		t.Fatalf("unexpected encoding %q", h)
	}
	if ok, err := VerifyPassword(h, "correct horse battery staple"); !ok || err != nil {
		t.Fatalf("verify right password: %v %v", ok, err)
	}
	if ok, _ := VerifyPassword(h, "correct horse battery stapl"); ok {
		t.Fatal("wrong password verified")
	}
	h2, _ := HashPassword("correct horse battery staple")
	if h == h2 {
		t.Fatal("hashes must be salted")
	}
	if _, err := VerifyPassword("$bcrypt$x", "x"); err == nil {
		t.Fatal("malformed hash must be an error")
	}
}

func TestPasswordPolicy(t *testing.T) {
	tests := []struct {
		pw, code string
	}{
		{"kort", "minLength"},
		{strings.Repeat("x", 129), "maxLength"},
		{"password1234", "commonPassword"},
		{"Wachtwoord123", "commonPassword"},
		{"welkom2026!!", "commonPassword"},
		{"1qaz2wsx3edc", "commonPassword"},
		{"Zonnebloem-Kade-73", ""},
		{"ééééééééééé", "minLength"}, // 11 runes, 22 bytes
	}
	for _, tt := range tests {
		err := CheckPassword(tt.pw)
		var inv *apperr.InvalidError
		switch {
		case tt.code == "" && err != nil:
			t.Errorf("%q: unexpected %v", tt.pw, err)
		case tt.code != "" && (!errors.As(err, &inv) || inv.Fields[0].Code != tt.code || inv.Fields[0].Name != "password"):
			t.Errorf("%q: want %s, got %v", tt.pw, tt.code, err)
		}
	}
}
