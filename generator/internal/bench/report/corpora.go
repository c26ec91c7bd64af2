package report

import (
	"fmt"
	"strings"
	"time"
)

// Corpus is kbsite building one real documentation corpus of
// ../shared/corpus.
type Corpus struct {
	Name        string
	Articles    int
	Runs        int
	Wall, CPU   time.Duration // fresh build, medians
	Walls       []time.Duration
	RebuildWall time.Duration // over the output, median
	RSS         int64
}

// CorporaHeading starts the real corpora's section; kbbench keeps the
// last one when a run does not measure them (-corpora ”).
const CorporaHeading = "## Real documentation"

const corporaNote = "`kbsite build -v` of each folder of `../shared/corpus` (`kbbench -corpora`), as a writer builds it: `--link-root https://learn.microsoft.com/ --warn-links`, since the copies lack some images and includes. Each fresh build (no output folder) is followed by a rebuild over its output; medians of the runs.\n\n"

// corpusTarget is issue 17's bound on a real corpus's build.
const corpusTarget = time.Second

// CorporaTable is the real corpora's build times, with their target rows.
func CorporaTable(cs []Corpus) string {
	if len(cs) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString("| corpus | articles | runs | fresh build wall (median) | the runs | CPU user+sys | rebuild over the output | peak RSS | fresh build < 1 s |\n")
	b.WriteString("|---|---:|---:|---:|---|---:|---:|---:|---|\n")
	for _, c := range cs {
		var runs []string
		for _, w := range c.Walls {
			runs = append(runs, fmtDur(w))
		}
		fmt.Fprintf(&b, "| %s | %d | %d | %s | %s | %s | %s | %s | %s |\n", c.Name, c.Articles, c.Runs, fmtDur(c.Wall),
			strings.Join(runs, ", "), fmtDur(c.CPU), fmtDur(c.RebuildWall), fmtBytes(c.RSS), verdict(c.Wall < corpusTarget))
	}
	return b.String()
}
