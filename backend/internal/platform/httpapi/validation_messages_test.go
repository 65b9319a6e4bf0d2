package httpapi

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/danielgtaylor/huma/v2/validation"

	"github.com/werkhaven/werkhaven/backend/internal/platform/msg"
)

// Every message huma's validator can write reaches the caller in the
// catalogue's words only: no "(expected number >= 1)" after a Dutch reason
// (issue 22), whichever rule failed.
func TestValidationMessagesAreTranslated(t *testing.T) {
	english := regexp.MustCompile(`(?i)expected|schema|property|present|string|number|array|RFC`)
	messages := []string{
		fmt.Sprintf(validation.MsgExpectedMinimumNumber, 1),
		fmt.Sprintf(validation.MsgExpectedExclusiveMinimumNumber, 0),
		fmt.Sprintf(validation.MsgExpectedMaximumNumber, 60),
		fmt.Sprintf(validation.MsgExpectedExclusiveMaximumNumber, 61),
		fmt.Sprintf(validation.MsgExpectedNumberBeMultipleOf, 5),
		fmt.Sprintf(validation.MsgExpectedMinLength, 1),
		fmt.Sprintf(validation.MsgExpectedMaxLength, 200),
		fmt.Sprintf(validation.MsgExpectedMinItems, 1),
		fmt.Sprintf(validation.MsgExpectedMaxItems, 10),
		fmt.Sprintf(validation.MsgExpectedMinProperties, 1),
		fmt.Sprintf(validation.MsgExpectedMaxProperties, 3),
		fmt.Sprintf(validation.MsgExpectedRequiredProperty, "title"),
		fmt.Sprintf(validation.MsgExpectedDependentRequiredProperty, "to", "from"),
		fmt.Sprintf(validation.MsgExpectedOneOf, "a, b"),
		fmt.Sprintf(validation.MsgExpectedMatchPattern, "^[0-9]{8}$"),
		fmt.Sprintf(validation.MsgExpectedBePattern, "a postcode"),
		fmt.Sprintf(validation.MsgExpectedRFC4122UUID, "x"),
		fmt.Sprintf(validation.MsgExpectedRFC5322Email, "x"),
		validation.MsgExpectedRFC3339Date,
		validation.MsgExpectedRFC3339DateTime,
		validation.MsgExpectedMatchAtLeastOneSchema,
		validation.MsgExpectedMatchExactlyOneSchema,
		validation.MsgExpectedNotMatchSchema,
		validation.MsgExpectedBoolean,
		validation.MsgExpectedNumber,
		validation.MsgExpectedInteger,
		validation.MsgExpectedString,
		validation.MsgExpectedArray,
		validation.MsgExpectedObject,
		validation.MsgExpectedArrayItemsUnique,
		"expected at most one value, but received multiple values",
		"something the validator may say one day",
	}
	for _, m := range messages {
		for _, lang := range []msg.Lang{msg.NL, msg.EN} {
			p := &Problem{Status: 400, InvalidParams: []InvalidParam{toInvalidParam("body.places", m)}}
			p.Localize(lang)
			ip := p.InvalidParams[0]
			if ip.Name == "" || ip.Code == "" || ip.Reason == "" {
				t.Errorf("%q: %+v", m, ip)
			}
			if lang == msg.NL && english.MatchString(ip.Reason) {
				t.Errorf("%q reads %q in Dutch", m, ip.Reason)
			}
		}
	}
	p := newHumaProblem(400, "validation failed", []error{fmt.Errorf("expected number >= 1")})
	p.Localize(msg.NL)
	if english.MatchString(p.InvalidParams[0].Reason) {
		t.Errorf("a plain error reads %q", p.InvalidParams[0].Reason)
	}
}
