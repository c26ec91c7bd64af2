package content

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"kbsite/generator/internal/diag"
)

// PlaceholderSummary is the summary `kbsite new` writes for the writer to
// replace.
const PlaceholderSummary = "One or two sentences that say what this article solves."

// Placeholder lines `kbsite new` writes into a new article's body for the
// writer to replace. A line that still starts with one is left from new.
const (
	PlaceholderSymptoms = "Describe what the user sees, including the exact text of any error message."
	PlaceholderCause    = "Explain why the problem happens."
	PlaceholderStep1    = "1. First step."
	PlaceholderStep2    = "2. Second step."
	PlaceholderNote     = "> Add notes, tips or warnings with [!NOTE], [!TIP], [!IMPORTANT], [!WARNING] or [!CAUTION]."
	PlaceholderLinks    = "Link related articles by ID, for example"
)

var placeholderLines = []string{PlaceholderSymptoms, PlaceholderCause, PlaceholderStep1, PlaceholderStep2, PlaceholderNote, PlaceholderLinks}

// warnPlaceholders warns when placeholders of `kbsite new` are left
// unchanged, so that an unfinished article is not published unseen: one
// warning at the first, naming the lines of the others.
func warnPlaceholders(file string, doc Doc, dl *diag.List) {
	type found struct {
		line, col int
		text      string
	}
	var all []found
	if doc.Meta.Summary == PlaceholderSummary && doc.Meta.SummaryOnPage {
		p := doc.Meta.Pos.Of("summary")
		all = append(all, found{p.Line, p.Col, PlaceholderSummary})
	}
	line, rest, another := []byte(nil), doc.Body, true
	for i := 0; another; i++ {
		line, rest, another = bytes.Cut(rest, []byte("\n"))
		text := bytes.TrimLeft(line, " \t")
		for _, ph := range placeholderLines {
			if len(text) >= len(ph) && string(text[:len(ph)]) == ph { // no copy of each line
				all = append(all, found{doc.BodyLine + i, 1 + utf8.RuneCount(line[:len(line)-len(text)]), ph})
				break
			}
		}
	}
	if len(all) == 0 {
		return
	}
	more := ""
	if len(all) > 1 {
		lines := make([]string, len(all)-1)
		for i, f := range all[1:] {
			lines[i] = strconv.Itoa(f.line)
		}
		more = fmt.Sprintf(" (and %d more, on lines %s)", len(lines), strings.Join(lines, ", "))
	}
	dl.Addf(diag.Warning, diag.KindContent, file, all[0].line, all[0].col, "placeholder text left from kbsite new: %s%s", diag.Quote(all[0].text), more)
}
