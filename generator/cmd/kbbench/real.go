package main

import (
	"fmt"
	"log"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"kbsite/generator/internal/bench/measure"
	"kbsite/generator/internal/bench/report"
)

// realRuns is how many builds of each real corpus are timed: they take
// about a second, so more runs than of the generated ones cost little and
// steady the median on a shared machine.
const realRuns = 5

// realCorpora builds each folder of -corpora (under ../shared/corpus) as
// a writer would (--link-root https://learn.microsoft.com/ --warn-links,
// since the copies lack some images and includes): fresh builds, each
// followed by a rebuild over its output.
func (b *bench) realCorpora() []report.Corpus {
	var out []report.Corpus
	for _, name := range b.o.corpora {
		dir := filepath.Join(b.o.repo, "..", "shared", "corpus", name)
		if _, err := os.Stat(dir); err != nil {
			log.Printf("skipping corpus %s: %v", name, err)
			continue
		}
		c, err := b.realCorpus(name, dir)
		if err != nil {
			log.Printf("corpus %s: %v", name, err)
			continue
		}
		out = append(out, c)
	}
	return out
}

var builtLine = regexp.MustCompile(`built (\d+) articles`)

func (b *bench) realCorpus(name, dir string) (report.Corpus, error) {
	c := report.Corpus{Name: name, Runs: realRuns}
	out := filepath.Join(b.work, "corpus-"+name)
	defer b.retire(out)
	var walls, cpus, rebuilds []time.Duration
	var rss []int64
	build := func() (measure.Result, error) {
		measure.Warm(dir)
		return measure.Run(b.ctx, b.o.timeout, b.o.repo, nil, b.o.kbsite, "build", "-v", "--content", dir,
			"--templates", filepath.Join(b.o.repo, "templates"), "--out", out,
			"--link-root", "https://learn.microsoft.com/", "--warn-links")
	}
	// The fresh builds first, then the rebuilds (as in builds: one
	// untimed, then each over the output and the trash folder of the site
	// before), as a rebuild deletes the site the one before replaced.
	log.Printf("corpus %s: %d fresh builds and rebuilds", name, realRuns)
	b.settle()
	for i := 0; i < realRuns; i++ {
		b.retire(out)
		m, err := build()
		if err != nil {
			return c, err
		}
		walls, cpus, rss = append(walls, m.Wall), append(cpus, m.CPU), append(rss, m.MaxRSS)
		if sm := builtLine.FindStringSubmatch(m.Stdout + m.Stderr); sm != nil {
			c.Articles, _ = strconv.Atoi(sm[1])
		}
	}
	files := measure.CountFiles(out)
	for i := 0; i <= realRuns; i++ {
		m, err := build()
		if err != nil {
			return c, err
		}
		if i > 0 {
			rebuilds = append(rebuilds, m.Wall)
		}
	}
	b.del.Mark(realRuns * files)
	c.Wall, c.CPU, c.RSS, c.RebuildWall = measure.Median(walls), measure.Median(cpus), measure.Max(rss), measure.Median(rebuilds)
	c.Walls = walls
	return c, nil
}

// parseCorpora splits the -corpora flag.
func parseCorpora(s string) ([]string, error) {
	var out []string
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f == "" {
			continue
		}
		if strings.ContainsAny(f, `/\`) || f == "." || f == ".." {
			return nil, fmt.Errorf("bad corpus %q (a folder name under ../shared/corpus)", f)
		}
		out = append(out, f)
	}
	return out, nil
}
