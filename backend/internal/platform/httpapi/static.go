package httpapi

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"io/fs"
	"log/slog"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/gofiber/fiber/v2"
	"github.com/valyala/fasthttp"
)

// webFiles serves the built front end (frontend/dist) with an SPA fallback:
// a GET of one of the app's routes (webRoutes) gets index.html, so deep
// links work; another path outside /api and /dev gets it with 404. Hashed
// assets are cached for a year; index.html never is.
//
// A route can have a page of its own: dist/<name>.html is sent for /<name>
// (the sign-in page, inloggen.html, has a small script of its own so the
// first page most people open loads no more than it shows: frontend
// src/signin.tsx). Every other route gets index.html, the app.
//
// A page names, per interface language and route, what that route needs
// beyond its first script (the build's preload.json: the page's chunks and
// its texts, see routePreloads in frontend/vite.config.ts), so the browser
// fetches them beside the first script instead of after it. The language is
// the werkhaven_lang cookie the app sets (en; anything else is Dutch). The
// files are read once, at start: a new build needs a restart. A preload.json
// it cannot use is logged and the pages served without preloads: they only
// make pages faster.
//
// The app's pages also name the API requests the app makes first there
// (the build's first-requests.json, from frontend src/app/first-requests.json,
// which a front-end test holds to what app/prefetch.ts asks): the session on
// every page and, for a signed-in user at an address without a query, the
// page's first data, as <link rel="preload" as="fetch">. The browser then asks
// them beside the first script, and the app's identical request takes that
// answer instead of asking once the script has run.
type webFiles struct {
	dir   string
	html  map[string][]byte            // route → its page as built: "" index.html, "/inloggen" inloggen.html
	shell map[string]map[string][]byte // language → route ("" any other) → the route's page with its links
	first map[string][]string          // route ("" every app page) → API requests, with the route's :params
}

func newWebFiles(dir string, log *slog.Logger) *webFiles {
	if dir == "" {
		return &webFiles{}
	}
	index, err := os.ReadFile(filepath.Join(dir, "index.html"))
	if err != nil {
		return &webFiles{}
	}
	pages := map[string][]byte{"": index}
	own, _ := filepath.Glob(filepath.Join(dir, "*.html"))
	for _, f := range own {
		name := strings.TrimSuffix(filepath.Base(f), ".html")
		if name == "index" {
			continue
		}
		if route, _, ok := webRoute("/" + name); !ok || route != "/"+name {
			log.Error("front end: a page for no route of the app, not served as one", "file", f)
			continue
		}
		page, err := os.ReadFile(f)
		if err != nil {
			log.Error("front end: page unreadable", "file", f, "error", err)
			continue
		}
		pages["/"+name] = page
	}
	shell, err := shells(pages, filepath.Join(dir, "preload.json"))
	if err != nil {
		log.Error("front end: serving the pages without preloads", "error", err)
	}
	first, err := firstRequests(filepath.Join(dir, "first-requests.json"))
	if err != nil {
		log.Error("front end: serving the pages without their first requests", "error", err)
	}
	return &webFiles{dir: dir, html: pages, shell: shell, first: first}
}

// firstRequests reads the build's list of the app's first API requests per
// route (none without the file).
func firstRequests(file string) (map[string][]string, error) {
	raw, err := os.ReadFile(file)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	} else if err != nil {
		return nil, err
	}
	var first map[string][]string
	if err := json.Unmarshal(raw, &first); err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	for route, urls := range first {
		for _, u := range urls {
			if !strings.HasPrefix(u, "/api/") {
				return nil, fmt.Errorf("%s: %s: %q is not an API request", file, route, u)
			}
		}
	}
	return first, nil
}

// withFirstRequests adds to an app page the preloads of the API requests
// the app makes first at a route (params: the path's values of its
// :params, as webRoute found them): the session always; the route's first
// data only for a signed-in user (else they are refused, and the app goes
// to sign-in) and an address without a query (which changes them: the app
// asks those itself), when each parameter is a plain identifier.
func (w *webFiles) withFirstRequests(page []byte, route string, params map[string]string, query, signedIn bool) []byte {
	urls := slices.Clone(w.first[""])
	plain := true
	for _, v := range params {
		plain = plain && plainParam.MatchString(v)
	}
	if plain && signedIn && !query {
		for _, u := range w.first[route] {
			urls = append(urls, fillParams(u, params))
		}
	}
	head := bytes.Index(page, []byte("</head>"))
	if len(urls) == 0 || head < 0 {
		return page
	}
	var links strings.Builder
	for _, u := range urls {
		fmt.Fprintf(&links, "    <link rel=\"preload\" as=\"fetch\" crossorigin href=\"%s\">\n", html.EscapeString(u))
	}
	return slices.Concat(page[:head], []byte(links.String()), page[head:])
}

// plainParam is a route parameter put into a preloaded request: an id.
var plainParam = regexp.MustCompile(`^[A-Za-z0-9_-]{1,64}$`)

// fillParams puts params into a request's path segments named :param.
func fillParams(u string, params map[string]string) string {
	p, q, hasQuery := strings.Cut(u, "?")
	segs := strings.Split(p, "/")
	for i, seg := range segs {
		if v, ok := params[seg]; ok {
			segs[i] = v
		}
	}
	if hasQuery {
		return strings.Join(segs, "/") + "?" + q
	}
	return strings.Join(segs, "/")
}

// page is the page for a route in the language of the request.
func (w *webFiles) page(c *fiber.Ctx, route string) []byte {
	lang := "nl"
	if c.Cookies(languageCookie) == "en" {
		lang = "en"
	}
	if page, ok := w.shell[lang][route]; ok {
		return page
	}
	if page, ok := w.html[route]; ok && route != "" {
		return page
	}
	if page, ok := w.shell[lang][""]; ok {
		return page
	}
	return w.html[""]
}

// SessionCookie is the name of the session cookie (the API documents it; the
// authz package sets and reads it): a page tells by it only whether someone
// may be signed in.
const SessionCookie = "wh_session"

// languageCookie holds the interface language the user chose (frontend
// i18n/index.ts): a preference, no personal data.
const languageCookie = "werkhaven_lang"

func (w *webFiles) mount(app *fiber.App) {
	if w.dir == "" {
		return
	}
	// Hashed assets in the best encoding the browser takes: Brotli, else
	// gzip. The build writes both next to each file at the highest level
	// (frontend/vite.config.ts, precompress); a file without them is
	// compressed once and kept (fasthttp's compressed-file cache).
	assets := (&fasthttp.FS{
		Root:           filepath.Join(w.dir, "assets"),
		PathRewrite:    fasthttp.NewPathPrefixStripper(len("/assets")),
		Compress:       true,
		CompressBrotli: true,
		// fasthttp takes the suffixes only with all three named (zstd is not served).
		CompressedFileSuffixes: map[string]string{"br": ".br", "gzip": ".gz", "zstd": ".zst"},
		PathNotFound: func(ctx *fasthttp.RequestCtx) {
			ctx.Response.Reset()
			ctx.SetStatusCode(fasthttp.StatusNotFound)
		},
	}).NewRequestHandler()
	app.Get("/assets/*", func(c *fiber.Ctx) error {
		assets(c.Context())
		if c.Response().StatusCode() != fiber.StatusOK {
			return fiber.ErrNotFound
		}
		c.Set(fiber.HeaderCacheControl, "public, max-age=31536000, immutable")
		c.Vary(fiber.HeaderAcceptEncoding)
		return nil
	})
	app.Static("/", w.dir, fiber.Static{
		Compress: true,
		Index:    "",
		ModifyResponse: func(c *fiber.Ctx) error {
			c.Set(fiber.HeaderCacheControl, "no-cache")
			return nil
		},
	})
	app.Get("/*", func(c *fiber.Ctx) error {
		p := c.Path()
		// API paths, development pages that are not served (production) and
		// missing files are real 404s, not the app shell.
		if strings.HasPrefix(p, "/api/") || p == "/api" || strings.HasPrefix(p, "/dev/") || p == "/dev" || path.Ext(p) != "" {
			return fiber.ErrNotFound
		}
		c.Set(fiber.HeaderCacheControl, "no-cache")
		c.Set(fiber.HeaderContentType, fiber.MIMETextHTMLCharsetUTF8)
		c.Vary(fiber.HeaderCookie) // the language cookie picks the preloads
		route, params, ok := webRoute(p)
		if !ok {
			// The app shows its own "Deze pagina bestaat niet".
			c.Status(fiber.StatusNotFound)
			return c.Send(w.page(c, route))
		}
		page := w.page(c, route)
		if _, own := w.html[route]; !own {
			page = w.withFirstRequests(page, route, params, len(c.Request().URI().QueryString()) > 0, c.Cookies(SessionCookie) != "")
		}
		return c.Send(page)
	})
}

// shells reads the preload file (when there is one): per language and route,
// the route's page (pages, else index.html) with the route's links before
// </head>.
func shells(pages map[string][]byte, preloadFile string) (map[string]map[string][]byte, error) {
	raw, err := os.ReadFile(preloadFile)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil // a build without preloads
	} else if err != nil {
		return nil, err
	}
	var preloads map[string]map[string][]string
	if err := json.Unmarshal(raw, &preloads); err != nil {
		return nil, fmt.Errorf("%s: %w", preloadFile, err)
	}
	out := map[string]map[string][]byte{}
	for lang, routes := range preloads {
		out[lang] = map[string][]byte{}
		for route, files := range routes {
			page, ok := pages[route]
			if !ok {
				page = pages[""]
			}
			head := bytes.Index(page, []byte("</head>"))
			if head < 0 {
				return nil, fmt.Errorf("the page of %q has no </head>", route)
			}
			var links strings.Builder
			for _, f := range files {
				if !strings.HasPrefix(f, "/assets/") || strings.ContainsAny(f, "\"<>&") {
					return nil, fmt.Errorf("preload.json: %s %s: %q is not an asset", lang, route, f)
				}
				if strings.HasSuffix(f, ".css") {
					fmt.Fprintf(&links, "    <link rel=\"preload\" as=\"style\" href=\"%s\">\n", f)
				} else {
					fmt.Fprintf(&links, "    <link rel=\"modulepreload\" crossorigin href=\"%s\">\n", f)
				}
			}
			out[lang][route] = slices.Concat(page[:head], []byte(links.String()), page[head:])
		}
	}
	return out, nil
}

// apiDocs is the human-readable API documentation: Swagger UI, self-hosted
// from the front-end build so no third-party script runs on our pages.
func apiDocs(c *fiber.Ctx) error {
	c.Set(fiber.HeaderContentType, fiber.MIMETextHTMLCharsetUTF8)
	return c.SendString(`<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Werkhaven API-documentatie</title>
<link rel="stylesheet" href="/api-docs/swagger-ui.css">
</head>
<body>
<main id="swagger-ui"><p>De API-documentatie wordt geladen. Het OpenAPI-document staat op <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>.</p></main>
<script src="/api-docs/swagger-ui-bundle.js"></script>
<script src="/api-docs/init.js"></script>
</body>
</html>`)
}
