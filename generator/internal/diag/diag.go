// Package diag collects build problems with their source positions so that a
// build can report every problem at once, sorted, in the
// "file:line:col: message" form editors and CI logs understand.
package diag

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// Severity tells whether a problem stops the build.
type Severity int

const (
	Warning Severity = iota
	Error
)

// Diagnostic is one problem at one place. Line and Col are 1-based; zero
// means unknown, and the position is then printed only as far as it is known.
type Diagnostic struct {
	File     string
	Line     int
	Col      int
	Severity Severity
	Msg      string
	// Kind groups problems that a switch may relax, such as KindLink.
	Kind string
}

// KindLink marks broken-link problems, which --warn-links demotes.
const KindLink = "link"

// KindFile marks linked files that may not be published, and KindAlias
// aliases that may not be used; both stay errors under --warn-links.
const (
	KindFile  = "file"
	KindAlias = "alias"
)

// KindFrontMatter marks mistakes in an article's front matter, KindConfig
// in site.yaml, and KindContent everything else a build reports without a
// kind of its own, so that every problem in `check --format json` has one.
const (
	KindFrontMatter = "front-matter"
	KindConfig      = "config"
	KindContent     = "content"
)

func (d Diagnostic) String() string {
	var b strings.Builder
	if d.File != "" {
		b.WriteString(d.File)
		if d.Line > 0 {
			fmt.Fprintf(&b, ":%d", d.Line)
			if d.Col > 0 {
				fmt.Fprintf(&b, ":%d", d.Col)
			}
		}
		b.WriteString(": ")
	}
	if d.Severity == Warning {
		b.WriteString("warning: ")
	}
	b.WriteString(d.Msg)
	return b.String()
}

// maxQuoted is how many characters of a user's value a message repeats:
// enough to recognise it, and one pasted megabyte cannot flood a report.
const maxQuoted = 200

// Quote quotes a user-supplied value for a message, as %q does, cut to
// about 200 characters with an ellipsis.
func Quote(s string) string { return strconv.Quote(Clip(s)) }

// Clip cuts a user-supplied value to about 200 characters, ending it with
// an ellipsis when it was cut, for messages that repeat it unquoted.
func Clip(s string) string {
	n := 0
	for i := range s {
		if n == maxQuoted {
			return s[:i] + "…"
		}
		n++
	}
	return s
}

// List is a concurrency-safe collection of diagnostics.
type List struct {
	mu    sync.Mutex
	items []Diagnostic
}

// Add records a diagnostic.
func (l *List) Add(d Diagnostic) {
	if d.Kind == "" {
		d.Kind = KindContent
	}
	l.mu.Lock()
	l.items = append(l.items, d)
	l.mu.Unlock()
}

// Addf records a problem of a kind at file:line:col.
func (l *List) Addf(sev Severity, kind, file string, line, col int, format string, args ...any) {
	l.Add(Diagnostic{File: file, Line: line, Col: col, Severity: sev, Kind: kind, Msg: fmt.Sprintf(format, args...)})
}

// Errorf records an error at file:line:col.
func (l *List) Errorf(file string, line, col int, format string, args ...any) {
	l.Add(Diagnostic{File: file, Line: line, Col: col, Severity: Error, Msg: fmt.Sprintf(format, args...)})
}

// Warnf records a warning at file:line:col.
func (l *List) Warnf(file string, line, col int, format string, args ...any) {
	l.Add(Diagnostic{File: file, Line: line, Col: col, Severity: Warning, Msg: fmt.Sprintf(format, args...)})
}

// Sorted returns all diagnostics ordered by file, line, column, then message,
// with exact duplicates removed, so that output is stable across runs.
func (l *List) Sorted() []Diagnostic {
	l.mu.Lock()
	out := slices.Clone(l.items)
	l.mu.Unlock()
	slices.SortFunc(out, func(a, b Diagnostic) int {
		return cmp.Or(
			cmp.Compare(a.File, b.File),
			cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Col, b.Col),
			cmp.Compare(b.Severity, a.Severity),
			cmp.Compare(a.Msg, b.Msg),
		)
	})
	return slices.Compact(out)
}

// Count returns the number of errors and warnings.
func (l *List) Count() (errors, warnings int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, d := range l.items {
		if d.Severity == Error {
			errors++
		} else {
			warnings++
		}
	}
	return
}

// HasErrors reports whether any error was recorded.
func (l *List) HasErrors() bool {
	n, _ := l.Count()
	return n > 0
}

// Demote turns every error of the given kind into a warning; it backs
// switches such as --warn-links that relax one class of problem.
func (l *List) Demote(kind string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for i := range l.items {
		if l.items[i].Severity == Error && l.items[i].Kind == kind {
			l.items[i].Severity = Warning
		}
	}
}
