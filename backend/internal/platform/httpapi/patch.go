package httpapi

import (
	"bytes"
	"encoding/json"
	"reflect"

	"github.com/danielgtaylor/huma/v2"
)

// Optional is a member of a PATCH body read as a JSON merge patch (RFC
// 7396): left out, it keeps the current value; null clears it; a value
// replaces it. Its schema is T's with null allowed, so the OpenAPI document
// says which fields can be cleared. Members that cannot be cleared stay
// plain pointers: checkBody answers null there with 400 notNullable.
type Optional[T any] struct {
	Sent, Null bool
	Value      T
}

// UnmarshalJSON records that the member was sent, and whether as null.
func (o *Optional[T]) UnmarshalJSON(b []byte) error {
	o.Sent = true
	if bytes.Equal(bytes.TrimSpace(b), []byte("null")) {
		o.Null = true
		return nil
	}
	return json.Unmarshal(b, &o.Value)
}

// Schema is T's schema, nullable; the field's tags (maxLength, format,
// enum) apply to it as to any field.
func (o Optional[T]) Schema(r huma.Registry) *huma.Schema {
	s := *r.Schema(reflect.TypeOf(o.Value), true, "")
	s.Nullable = true
	return &s
}

// Or is the change as the domain reads it: nil keeps the value, cleared is
// what null sets (an empty text, an empty list, zero), otherwise the value.
func (o Optional[T]) Or(cleared T) *T {
	switch {
	case !o.Sent:
		return nil
	case o.Null:
		return &cleared
	default:
		v := o.Value
		return &v
	}
}
