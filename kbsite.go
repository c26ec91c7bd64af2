// Package kbsite holds the default theme, embedded in the kbsite binary so
// that it builds a site from any folder. It lives at the module root
// because go:embed cannot reach a parent folder.
package kbsite

import (
	"embed"
	"io/fs"
)

//go:embed templates
var templates embed.FS

// Theme is the templates/ folder, with base.html at its root.
var Theme, _ = fs.Sub(templates, "templates")
