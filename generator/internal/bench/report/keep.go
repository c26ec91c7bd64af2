package report

import "strings"

// The sections kbbench keeps when it rewrites the file: the one make
// relevance (bench/relevance.mjs) writes, and the record of changes and
// their same-run before/after measurements, written by hand.
const (
	RelevanceHeading = "## Search relevance"
	HistoryHeading   = "## Before and after"
)

// KeepSection copies the section of old that starts with heading (up to
// the next "## " heading) into md, before its "## How to run".
func KeepSection(md, old, heading string) string {
	i := strings.Index(old, "\n"+heading)
	if i < 0 || strings.Contains(md, "\n"+heading) {
		return md
	}
	sec := old[i+1:]
	if j := strings.Index(sec[len(heading):], "\n## "); j >= 0 {
		sec = sec[:len(heading)+j+1]
	}
	k := strings.Index(md, "\n## How to run")
	if k < 0 {
		return md + "\n" + sec
	}
	return md[:k+1] + sec + md[k+1:]
}
