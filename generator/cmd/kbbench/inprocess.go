package main

import (
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"strconv"
	"strings"
	"time"

	"kbsite/generator/build"
	"kbsite/generator/internal/bench/measure"
	"kbsite/generator/internal/bench/report"
)

// incremental times serve mode's rebuild after one article changes: a
// session over a private copy of the corpus, then o.edits edits, each to a
// different article, timed around Session.Update (parse, re-link, render
// and write the affected pages). One untimed edit warms up first.
func (b *bench) incremental(r *report.Size, corpusDir string) error {
	dir, err := os.MkdirTemp(b.work, "incr-")
	if err != nil {
		return err
	}
	defer b.retire(dir)
	content := filepath.Join(dir, "content")
	log.Printf("%d articles: serve-mode session for %d one-article edits", r.N, b.o.edits)
	if err := os.CopyFS(content, os.DirFS(corpusDir)); err != nil {
		return err
	}
	os.Remove(filepath.Join(content, ".complete"))
	sess, res, err := build.NewSession(build.Options{ContentDir: content, TemplatesDir: filepath.Join(b.o.repo, "templates"),
		OutDir: filepath.Join(dir, "public")})
	if err != nil {
		return err
	}
	if res.Failed() {
		return fmt.Errorf("initial build failed: %v", res.Diagnostics[0])
	}
	arts := res.Site.Articles
	files := 0
	for i := 0; i <= b.o.edits; i++ {
		a := arts[(len(arts)/2+i*(len(arts)/(b.o.edits+1)+1))%len(arts)]
		d, written, err := edit(sess, filepath.Join(content, filepath.FromSlash(a.Source)), i)
		if err != nil {
			return err
		}
		if i == 0 {
			continue // the warm-up
		}
		r.Incr = append(r.Incr, d)
		files += len(written)
		if r.IncrSearch == nil {
			r.IncrSearch = new(bool)
		}
		for _, w := range written {
			if strings.HasPrefix(filepath.ToSlash(w), "search/") {
				*r.IncrSearch = true
			}
		}
	}
	r.IncrMedian = measure.Median(r.Incr)
	r.IncrFiles = files / b.o.edits
	sess, res = nil, nil
	debug.FreeOSMemory()
	return nil
}

// edit adds a sentence under "Cause" in the article at target and times
// the session's update, returning the files it wrote or removed.
func edit(sess *build.Session, target string, i int) (time.Duration, []string, error) {
	orig, err := os.ReadFile(target)
	if err != nil {
		return 0, nil, err
	}
	edited := strings.Replace(string(orig), "## Cause\n", "## Cause\n\nEdited by kbbench, edit "+strconv.Itoa(i)+".\n", 1)
	if err := os.WriteFile(target, []byte(edited), 0o644); err != nil {
		return 0, nil, err
	}
	runtime.GC()
	start := time.Now()
	res, written, err := sess.Update([]string{target})
	d := time.Since(start)
	if err != nil {
		return 0, nil, err
	}
	if res.Failed() {
		return 0, nil, fmt.Errorf("edit failed: %v", res.Diagnostics[0])
	}
	return d, written, nil
}

// profileBuild CPU-profiles one in-process build of n articles and returns
// the top functions by cumulative and flat time (go tool pprof -top).
func (b *bench) profileBuild(n int) ([]string, error) {
	content, err := corpus(b.o.cache, n, b.o.seed)
	if err != nil {
		return nil, err
	}
	prof := filepath.Join(b.work, "build.prof")
	f, err := os.Create(prof)
	if err != nil {
		return nil, err
	}
	log.Printf("%d articles: profiling one in-process build", n)
	out := filepath.Join(b.work, "profile-out")
	defer b.retire(out)
	pprof.StartCPUProfile(f)
	res, err := build.Build(build.Options{ContentDir: content, TemplatesDir: filepath.Join(b.o.repo, "templates"), OutDir: out})
	pprof.StopCPUProfile()
	f.Close()
	if err != nil {
		return nil, err
	}
	if res.Failed() {
		return nil, fmt.Errorf("build failed: %v", res.Diagnostics[0])
	}
	return pprofTop(prof, n)
}

// pprofTop is `go tool pprof -top` of the profile, flat then cumulative,
// without its header lines.
func pprofTop(prof string, n int) ([]string, error) {
	exe, _ := os.Executable()
	var lines []string
	for _, mode := range []string{"-flat", "-cum"} {
		cmd := exec.Command("go", "tool", "pprof", "-top", mode, "-nodecount=18", exe, prof)
		b, err := cmd.Output()
		if err != nil {
			return lines, fmt.Errorf("go tool pprof: %v", err)
		}
		lines = append(lines, "$ go tool pprof -top "+mode+" (one in-process build of "+strconv.Itoa(n)+" articles)")
		for _, l := range strings.Split(strings.TrimRight(string(b), "\n"), "\n") {
			if strings.HasPrefix(l, "File:") || strings.HasPrefix(l, "Build ID:") || strings.HasPrefix(l, "Type:") || strings.HasPrefix(l, "Time:") {
				continue
			}
			lines = append(lines, l)
		}
		lines = append(lines, "")
	}
	return lines, nil
}
