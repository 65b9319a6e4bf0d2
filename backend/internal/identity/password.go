package identity

import (
	"bufio"
	"bytes"
	"crypto/rand"
	"crypto/subtle"
	_ "embed"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/crypto/argon2"

	"github.com/werkhaven/werkhaven/backend/internal/platform/apperr"
	"github.com/werkhaven/werkhaven/backend/internal/platform/msg"
)

// argon2id parameters: OWASP's Password Storage Cheat Sheet minimum
// (m=19 MiB, t=2, p=1), about 20 ms on this kind of machine.
const (
	argonTime    = 2
	argonMemory  = 19 * 1024
	argonThreads = 1
	argonKeyLen  = 32
	argonSaltLen = 16
)

// Password length limits (runes). The upper bound keeps hashing cheap.
const (
	MinPasswordLength = 12
	MaxPasswordLength = 128
)

//go:embed data/common_passwords.txt
var commonPasswordsTxt []byte

var (
	commonOnce sync.Once
	common     map[string]struct{}
)

func isCommon(pw string) bool {
	commonOnce.Do(func() {
		common = make(map[string]struct{}, 45000)
		sc := bufio.NewScanner(bytes.NewReader(commonPasswordsTxt))
		for sc.Scan() {
			common[sc.Text()] = struct{}{}
		}
	})
	lower := strings.ToLower(pw)
	if _, ok := common[lower]; ok {
		return true
	}
	// "welkom2026!!" is "welkom" with decoration: strip trailing digits and
	// punctuation and look again.
	base := strings.TrimRight(lower, "0123456789!@#$%^&*()-_=+.,?;: ")
	_, ok := common[base]
	return ok && len(base) >= 6
}

// CheckPassword applies the password policy: 12–128 characters and not a
// commonly used password (the zxcvbn list shipped in data/).
func CheckPassword(pw string) error {
	n := utf8.RuneCountInString(pw)
	switch {
	case n < MinPasswordLength:
		return apperr.Invalid("password", "minLength", msg.M("identity.passwordMinLength", MinPasswordLength))
	case n > MaxPasswordLength:
		return apperr.Invalid("password", "maxLength", msg.M("identity.passwordMaxLength", MaxPasswordLength))
	case isCommon(pw):
		return apperr.Invalid("password", "commonPassword", msg.M("identity.passwordCommonPassword"))
	}
	return nil
}

// HashPassword returns an encoded argon2id hash of pw.
func HashPassword(pw string) (string, error) {
	salt := make([]byte, argonSaltLen)
	if _, err := rand.Read(salt); err != nil {
		return "", err
	}
	key := argon2.IDKey([]byte(pw), salt, argonTime, argonMemory, argonThreads, argonKeyLen)
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, argonMemory, argonTime, argonThreads,
		base64.RawStdEncoding.EncodeToString(salt), base64.RawStdEncoding.EncodeToString(key)), nil
}

var errBadHash = errors.New("malformed password hash")

// VerifyPassword reports whether pw matches encoded, in constant time.
func VerifyPassword(encoded, pw string) (bool, error) {
	parts := strings.Split(encoded, "$")
	if len(parts) != 6 || parts[1] != "argon2id" {
		return false, errBadHash
	}
	var version int
	var m uint32
	var t uint32
	var p uint8
	if _, err := fmt.Sscanf(parts[2], "v=%d", &version); err != nil || version != argon2.Version {
		return false, errBadHash
	}
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &m, &t, &p); err != nil {
		return false, errBadHash
	}
	salt, err := base64.RawStdEncoding.DecodeString(parts[4])
	if err != nil {
		return false, errBadHash
	}
	want, err := base64.RawStdEncoding.DecodeString(parts[5])
	if err != nil {
		return false, errBadHash
	}
	got := argon2.IDKey([]byte(pw), salt, t, m, p, uint32(len(want)))
	return subtle.ConstantTimeCompare(got, want) == 1, nil
}

// dummyHash is verified against when an e-mail is unknown, so a sign-in
// takes as long whether or not the account exists.
var dummyHash = func() string {
	h, _ := HashPassword("werkhaven-timing-equaliser-not-a-password")
	return h
}()
