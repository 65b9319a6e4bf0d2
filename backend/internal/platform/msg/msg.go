// Package msg is Werkhaven's message catalogue: every text the API shows a
// person — a problem's title and detail, each invalid field's reason — by
// id, in Dutch and in English. Domain code names a message by its ID and
// arguments (apperr carries them); the HTTP layer renders it in the
// caller's language, from Accept-Language, Dutch by default.
//
// The catalogue is data, messages.json in this package; domain code names a
// message by its id, msg.M("booking.capacityRange", args...).
//
// Invariants (TestCatalogue, TestCatalogueMatchesTheCode):
//   - every ID has a Dutch and an English text; together their placeholders
//     are {0}…{n-1} without a gap;
//   - no text joins both languages with " / ";
//   - every id the code names is in the catalogue, and every message in it
//     is named by some code;
//   - the catalogue is published as docs/api/messages.json (`make generate`).
package msg

import (
	"fmt"
	"strconv"
	"strings"

	"golang.org/x/text/language"
)

// ID names one message, "<domain>.<what>" (e.g. "booking.capacityRange").
type ID string

// Message is a message with its arguments, as domain errors carry it.
type Message struct {
	ID   ID
	Args []any
}

// M is the message id with args.
func M(id ID, args ...any) Message { return Message{ID: id, Args: args} }

// In renders the message in lang.
func (m Message) In(lang Lang) string { return m.ID.In(lang, m.Args...) }

// Text is one message in both languages. Placeholders {0}, {1}, … stand for
// the arguments in order; whole numbers are written the language's way
// (1.000 in Dutch, 1,000 in English), Cents as euros (14,71 and 14.71).
type Text struct {
	NL string `json:"nl"`
	EN string `json:"en"`
}

// Lang is a language Werkhaven answers in.
type Lang string

// The languages; Dutch is the default.
const (
	NL Lang = "nl"
	EN Lang = "en"
)

// matcher chooses between the languages Werkhaven answers in; the first,
// Dutch, is the default.
var matcher = language.NewMatcher([]language.Tag{language.Dutch, language.English})

// Parse picks the caller's language from an Accept-Language header: the
// one of Dutch and English it prefers, by weight; Dutch when it names
// neither.
func Parse(acceptLanguage string) Lang {
	tags, _, err := language.ParseAcceptLanguage(acceptLanguage)
	if err != nil || len(tags) == 0 {
		return NL
	}
	tag, _, _ := matcher.Match(tags...)
	if base, _ := tag.Base(); base.String() == "en" {
		return EN
	}
	return NL
}

// In renders the message in lang with args. An ID missing from the
// catalogue renders as itself (TestCatalogue keeps that from happening).
func (id ID) In(lang Lang, args ...any) string {
	t, ok := catalogue[id]
	if !ok {
		return string(id)
	}
	s := t.NL
	if lang == EN {
		s = t.EN
	}
	return fill(s, lang, args)
}

// Has says whether the catalogue holds id.
func Has(id ID) bool { _, ok := catalogue[id]; return ok }

// All is the whole catalogue.
func All() map[ID]Text { return catalogue }

func fill(s string, lang Lang, args []any) string {
	if len(args) == 0 || !strings.Contains(s, "{") {
		return s
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		j := strings.IndexByte(s[i:], '}')
		if j < 0 {
			b.WriteString(s)
			return b.String()
		}
		n, err := strconv.Atoi(s[i+1 : i+j])
		b.WriteString(s[:i])
		if err != nil || n < 0 || n >= len(args) {
			b.WriteString(s[i : i+j+1])
		} else {
			b.WriteString(format(args[n], lang))
		}
		s = s[i+j+1:]
	}
}

// Cents is an amount of money in cents, written as euros the language's
// way: 1.234,50 in Dutch, 1,234.50 in English.
type Cents int64

// format writes whole numbers with the language's thousands separator, and
// Cents as euros with the language's decimal mark.
func format(v any, lang Lang) string {
	var n int64
	switch x := v.(type) {
	case Cents:
		mark := ","
		if lang == EN {
			mark = "."
		}
		c := int64(x)
		sign := ""
		if c < 0 {
			sign, c = "-", -c
		}
		return fmt.Sprintf("%s%s%s%02d", sign, format(c/100, lang), mark, c%100)
	case int:
		n = int64(x)
	case int64:
		n = x
	case int32:
		n = int64(x)
	default:
		return fmt.Sprint(v)
	}
	sep := "."
	if lang == EN {
		sep = ","
	}
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + sep + s[i:]
	}
	if neg {
		s = "-" + s
	}
	return s
}
