package markdown

// This file is the rule for anchors written in raw HTML (<a id="x"></a>,
// <a name="x"></a>), which real KB articles use as link targets. Package
// sanitize finds them; an anchor is kept when its ID is safe
// (anchor.Safe), is none the page layout or its scripts use (DOM
// clobbering), and no heading or earlier anchor has it. Headings come
// first: they are given their IDs before raw HTML is read.

import (
	"fmt"
	"slices"
	"strings"

	"kbsite/generator/markdown/anchor"

	"github.com/yuin/goldmark/ast"
)

// scriptNames are the names the theme's scripts look up on every page
// that article pages do not have: the search page's elements, and global
// variables (an element ID is also a property of window). An anchor that
// took one would steer the script (DOM clobbering).
var scriptNames = []string{"search-page", "search-summary", "search-extra", "KBSearch", "KBSearchData", "KBSearchText", "KBSearchUI"}

// scriptPrefix starts the IDs the search box's script numbers
// ("search-opt-3").
const scriptPrefix = "search-opt-"

// pageID is what has an element ID of the body, for messages.
type pageID struct {
	what string // "heading" or "anchor"
	off  int    // where it is in the parsed source
}

// giveHeading records that the heading h has the ID id, unless something
// before it has.
func (st *state) giveHeading(id string, h ast.Node) {
	if _, taken := st.ids[id]; taken {
		return
	}
	off := -1 // an empty heading ("##") has no line of text
	if h.Lines().Len() > 0 {
		off = h.Lines().At(0).Start
	}
	st.ids[id] = pageID{"heading", off}
}

// anchor decides on the raw HTML anchor id found at offset off: it
// reports whether the page keeps it, and warns when not.
func (st *state) anchor(off int, id string) bool {
	why := ""
	switch first, taken := st.ids[id]; {
	case !anchor.Safe(id):
		why = "an anchor ID is a letter or _, then letters, digits, - or _ (64 at most)"
	case reserved(id):
		why = "the page layout or its scripts use that ID"
	case taken && first.off < 0:
		why = "a " + first.what + " has that ID already"
	case taken:
		why = fmt.Sprintf("the %s on line %d has that ID already", first.what, st.locate(first.off).Line)
	}
	if why != "" {
		st.problem(off, fmt.Sprintf("raw HTML anchor %q ignored: %s", id, why))
		return false
	}
	st.ids[id] = pageID{"anchor", off}
	st.res.Anchors = append(st.res.Anchors, id)
	return true
}

// reserved reports whether the page layout or its scripts use id.
func reserved(id string) bool {
	return slices.Contains(ReservedIDs, id) || slices.Contains(scriptNames, id) || strings.HasPrefix(id, scriptPrefix)
}
