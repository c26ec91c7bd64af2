// Package docfx is the Markdown of Microsoft Learn (DocFX) that kbsite
// renders: triple-colon blocks (:::image, ::: zone), :::no-loc, the
// [!div] and [!VIDEO] blockquotes and tabs. Each construct is a goldmark
// extender in its own file. They render real, accessible HTML that works
// without JavaScript; images and links they make are ordinary goldmark
// Image and Link nodes, so the caller's link handling sees them.
//
// Their transformers run at priorities 1 to 9, before the caller's own
// (which start at 10): tab headings must be gone before heading IDs are
// given, and made links before links are recorded. Markers they cannot
// place are located warnings, never literal syntax.
package docfx

import (
	"regexp"

	"github.com/yuin/goldmark/parser"
)

// Transformer priorities, lower first.
// Images pair :::image with :::image-end, and zones ::: zone with
// ::: zone-end, before tabs group sibling blocks, so that a tab group
// never swallows an end marker; leftover directives are reported last.
const (
	prioImages = iota + 1
	prioCode
	prioZones
	prioTabs
	prioQuotes
	prioDirectives
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
type run struct {
	env  Env
	tabs int // tab groups so far, for their IDs
}

func runOf(pc parser.Context) *run {
	r, _ := pc.Get(envKey).(*run)
	return r
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
