package httpapi

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path"
	"path/filepath"
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
// index.html names, per interface language and route, what that route's page
// needs beyond the first script (the build's preload.json: the page's chunks
// and its texts, see routePreloads in frontend/vite.config.ts), so the browser
// fetches them beside the first script instead of after it. The language is
// the werkhaven_lang cookie the app sets (en; anything else is Dutch). The
// files are read once, at start: a new build needs a restart. A preload.json
// it cannot use is logged and index.html served without preloads: they only
// make pages faster.
type webFiles struct {
	dir   string
	index []byte
	shell map[string]map[string][]byte // language → route ("" any other) → index.html with its links
}

func newWebFiles(dir string, log *slog.Logger) *webFiles {
	if dir == "" {
		return &webFiles{}
	}
	index, err := os.ReadFile(filepath.Join(dir, "index.html"))
	if err != nil {
		return &webFiles{}
	}
	shell, err := shells(index, filepath.Join(dir, "preload.json"))
	if err != nil {
		log.Error("front end: serving index.html without preloads", "error", err)
	}
	return &webFiles{dir: dir, index: index, shell: shell}
}

// page is index.html for a route in the language of the request.
func (w *webFiles) page(c *fiber.Ctx, route string) []byte {
	lang := "nl"
	if c.Cookies(languageCookie) == "en" {
		lang = "en"
	}
	if page, ok := w.shell[lang][route]; ok {
		return page
	}
	if page, ok := w.shell[lang][""]; ok {
		return page
	}
	return w.index
}

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
		route, ok := webRoute(p)
		if !ok {
			// The app shows its own "Deze pagina bestaat niet".
			c.Status(fiber.StatusNotFound)
		}
		return c.Send(w.page(c, route))
	})
}

// shells reads the preload file (when there is one): per language and route,
// index.html with the route's links before </head>.
func shells(index []byte, preloadFile string) (map[string]map[string][]byte, error) {
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
	head := bytes.Index(index, []byte("</head>"))
	if head < 0 {
		return nil, errors.New("index.html has no </head>")
	}
	out := map[string]map[string][]byte{}
	for lang, routes := range preloads {
		out[lang] = map[string][]byte{}
		for route, files := range routes {
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
			out[lang][route] = slices.Concat(index[:head], []byte(links.String()), index[head:])
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
