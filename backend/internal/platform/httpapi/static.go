package httpapi

import (
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/gofiber/fiber/v2"
	"github.com/valyala/fasthttp"
)

// webFiles serves the built front end (frontend/dist) with an SPA fallback:
// a GET of one of the app's routes (webRoutes) gets index.html, so deep
// links work; another path outside /api and /dev gets it with 404. Hashed
// assets are cached for a year; index.html never is.
type webFiles struct{ dir string }

func newWebFiles(dir string) *webFiles {
	if dir == "" {
		return &webFiles{}
	}
	if st, err := os.Stat(filepath.Join(dir, "index.html")); err != nil || st.IsDir() {
		return &webFiles{}
	}
	return &webFiles{dir: dir}
}

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
	index := filepath.Join(w.dir, "index.html")
	app.Get("/*", func(c *fiber.Ctx) error {
		p := c.Path()
		// API paths, development pages that are not served (production) and
		// missing files are real 404s, not the app shell.
		if strings.HasPrefix(p, "/api/") || p == "/api" || strings.HasPrefix(p, "/dev/") || p == "/dev" || path.Ext(p) != "" {
			return fiber.ErrNotFound
		}
		c.Set(fiber.HeaderCacheControl, "no-cache")
		if err := c.SendFile(index); err != nil {
			return err
		}
		if !isWebRoute(p) {
			// The app shows its own "Deze pagina bestaat niet".
			c.Status(fiber.StatusNotFound)
		}
		return nil
	})
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
