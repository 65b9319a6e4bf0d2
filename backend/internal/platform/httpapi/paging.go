package httpapi

import (
	"bytes"
	"encoding/csv"
	"reflect"
	"strings"
	"time"

	"github.com/danielgtaylor/huma/v2"
)

// Lists that can grow page the way the pool does (matching/http.go): a
// 1-based `page` and a `pageSize` in the query, and `total`, `page`,
// `pageSize` and `totalPages` beside the items. Every such list embeds Paging
// and, when it can be searched, Search; its own `sort` parameter names the
// allowed fields as an enum, a leading '-' sorting descending
// (`sort=-updatedAt`), so a wrong field is the same 400 `enum` naming `sort`
// everywhere.

// Paging is the page a list operation is asked for.
type Paging struct {
	Page     int `query:"page" minimum:"1" maximum:"1000" default:"1" doc:"1-based; a page past the last answers no items"`
	PageSize int `query:"pageSize" minimum:"1" maximum:"100" default:"25" doc:"Items per page"`
}

// Search is the free-text search of a list.
type Search struct {
	Q string `query:"q" maxLength:"100" doc:"Search text: every word must occur (case-insensitive)"`
}

// size is the page size, 25 when unset (a caller that is not huma).
func (p Paging) size() int {
	if p.PageSize < 1 {
		return 25
	}
	return p.PageSize
}

// number is the page, 1 when unset.
func (p Paging) number() int { return max(p.Page, 1) }

// Offset and Limit are the page's window for a query.
func (p Paging) Offset() int { return (p.number() - 1) * p.size() }

// Limit is the page size.
func (p Paging) Limit() int { return p.size() }

// Paged is the body of one page of a list.
type Paged[T any] struct {
	Items      []T `json:"items"`
	Total      int `json:"total" doc:"Items on all pages"`
	Page       int `json:"page"`
	PageSize   int `json:"pageSize"`
	TotalPages int `json:"totalPages"`
}

// PagedOut is an operation's output whose body is one page.
type PagedOut[T any] struct {
	Body Paged[T]
}

// PageOf maps one page of items (total on all pages) onto a paged output.
func PageOf[T, B any](page []T, total int, p Paging, f func(T) B) *PagedOut[B] {
	size := p.size()
	return &PagedOut[B]{Body: Paged[B]{Items: Items(page, f), Total: total, Page: p.number(), PageSize: size, TotalPages: (total + size - 1) / size}}
}

// Window is the page p of all (already filtered and sorted).
func Window[T any](all []T, p Paging) []T {
	from := min(p.Offset(), len(all))
	return all[from:min(from+p.Limit(), len(all))]
}

// SortField splits a sort parameter into its field and direction.
func SortField(sort string) (field string, desc bool) {
	return strings.TrimPrefix(sort, "-"), strings.HasPrefix(sort, "-")
}

// OrderBy turns a sort parameter into an ORDER BY clause over columns (field
// → SQL column), ending with tiebreak so pages never overlap.
func OrderBy(sort string, columns map[string]string, tiebreak string) string {
	field, desc := SortField(sort)
	col, ok := columns[field]
	if !ok {
		return tiebreak
	}
	if desc {
		col += " DESC"
	}
	return col + ", " + tiebreak
}

// Words are the lower-cased words of a search text.
func Words(q string) []string { return strings.Fields(strings.ToLower(q)) }

// Matches reports whether every word occurs in one of the texts.
func Matches(words []string, texts ...string) bool {
	hay := strings.ToLower(strings.Join(texts, "\n"))
	for _, w := range words {
		if !strings.Contains(hay, w) {
			return false
		}
	}
	return true
}

// Like is an ILIKE pattern for one search word, its wildcards escaped.
func Like(word string) string {
	return "%" + strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(word) + "%"
}

// WantsCSV reports whether an Accept header asks for text/csv.
func WantsCSV(accept string) bool {
	for _, part := range strings.Split(accept, ",") {
		mt, _, _ := strings.Cut(part, ";")
		if strings.EqualFold(strings.TrimSpace(mt), "text/csv") {
			return true
		}
	}
	return false
}

// CSVWriter writes CSV as Dutch spreadsheets read it: UTF-8 with a byte order
// mark (so Excel takes it as UTF-8), ';' between fields, CRLF line ends.
func CSVWriter(b *bytes.Buffer) *csv.Writer {
	b.WriteString("\uFEFF")
	w := csv.NewWriter(b)
	w.Comma = ';'
	w.UseCRLF = true
	return w
}

// CSV renders a header and rows. A cell that a spreadsheet would run as a
// formula (=, +, -, @ first) gets a leading apostrophe.
func CSV(header []string, rows [][]string) []byte {
	var b bytes.Buffer
	w := CSVWriter(&b)
	_ = w.Write(header)
	for _, r := range rows {
		safe := make([]string, len(r))
		for i, c := range r {
			if c != "" && strings.ContainsRune("=+-@\t\r", rune(c[0])) {
				c = "'" + c
			}
			safe[i] = c
		}
		_ = w.Write(safe)
	}
	w.Flush()
	return b.Bytes()
}

// ListOrCSV is the output of a list that also answers text/csv.
type ListOrCSV struct {
	ContentType        string `header:"Content-Type"`
	ContentDisposition string `header:"Content-Disposition"`
	Body               any
}

// CSVFile answers CSV as a download named prefix-YYYY-MM-DD.csv.
func CSVFile(prefix string, day time.Time, body []byte) *ListOrCSV {
	return &ListOrCSV{ContentType: "text/csv; charset=utf-8",
		ContentDisposition: `attachment; filename="` + prefix + "-" + day.Format(time.DateOnly) + `.csv"`, Body: body}
}

// CSVResponses documents a list operation's 200 as JSON (the schema of
// body) or, with Accept: text/csv, CSV.
func CSVResponses(api huma.API, body any, rows string) map[string]*huma.Response {
	schema := api.OpenAPI().Components.Schemas.Schema(reflect.TypeOf(body), true, "")
	return map[string]*huma.Response{"200": {Description: "One page, or with Accept: text/csv every match as CSV", Content: map[string]*huma.MediaType{
		"application/json": {Schema: schema},
		"text/csv":         {Schema: &huma.Schema{Type: "string", Description: rows}},
	}}}
}
