// Package docfx is the triple-colon Markdown of Microsoft Learn (DocFX)
// that kbsite renders: :::image, :::code, ::: zone and the inline
// :::no-loc, and the Env the DocFX constructs share during a render. The
// [!div] and [!VIDEO] blockquotes are in docfx/quote, tabs in docfx/tabs.
// Each construct is a goldmark extender in its own file. They render real,
// accessible HTML that works without JavaScript; images and links they
// make are ordinary goldmark Image and Link nodes, so the caller's link
// handling sees them.
//
// Each extender's Priority orders its transformer; the caller gives them
// in one list (package markdown). Markers they cannot place are located
// warnings, never literal syntax.
package docfx

import (
	"regexp"

	"github.com/yuin/goldmark/parser"
)

// Env is what the constructs need from the render in progress. Warn
// reports a located problem at an offset of the parsed source; Label
// gives a UI word in the site's language ("video", "description"); Read,
// when set, reads a file named by a construct at an offset (:::code), as
// a path relative to the file that offset is in, and returns the name it
// read for messages.
type Env struct {
	Warn  func(off int, msg string)
	Label func(key string) string
	Read  func(off int, rel string) (data []byte, name string, err error)
}

var envKey = parser.NewContextKey()

// Start prepares a parser context for one render.
func Start(pc parser.Context, env Env) { pc.Set(envKey, &run{env: env}) }

// run is one render's state.
type run struct{ env Env }

func runOf(pc parser.Context) *run {
	r, _ := pc.Get(envKey).(*run)
	return r
}

// EnvOf returns the Env given to Start for the render pc belongs to, or
// false when the parser is used outside a render.
func EnvOf(pc parser.Context) (Env, bool) {
	if r := runOf(pc); r != nil {
		return r.env, true
	}
	return Env{}, false
}

// attrRe is one key="value" (or 'value') attribute of a DocFX construct.
var attrRe = regexp.MustCompile(`([A-Za-z][\w-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')`)

// parseAttrs reads the attributes of s.
func parseAttrs(s string) map[string]string {
	out := map[string]string{}
	for _, m := range attrRe.FindAllStringSubmatch(s, -1) {
		out[m[1]] = m[2] + m[3]
	}
	return out
}
