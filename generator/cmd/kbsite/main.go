// Command kbsite builds and checks a knowledge-base help site.
//
//	kbsite init DIR        start a new knowledge base in DIR
//	kbsite build [flags]   build content/ into public/
//	kbsite check [flags]   run every check without writing
//
// Exit status: 0 on success, 1 on content errors, 2 on usage errors, 3 when
// the system fails (a folder that cannot be read or written, a full disk).
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"runtime/debug"
	"strings"
	"syscall"

	"kbsite/generator/write"
)

const usage = `kbsite builds a static knowledge-base help site from Markdown articles.

Usage:
  kbsite <command> [flags]

Commands:
  init     start a new knowledge base in a folder, with sample articles
  build    build the content folder into the output folder
  check    run every content and link check without writing output
  new      create a new article from the KB template
  serve    preview the site with live reload on 127.0.0.1
  search   search a built site's index, as the browser does

Run "kbsite <command> --help" for the flags of a command.
`

// The exit statuses, the same for every command.
const (
	exitOK      = 0
	exitContent = 1 // errors in the articles, site.yaml or templates
	exitUsage   = 2 // a mistake on the command line, or an --out kbsite must not replace
	exitSystem  = 3 // a folder that cannot be read or written, a full disk, a held lock
)

// exitFor is the exit status for an error a command could not turn into
// diagnostics: a usage error for an unsafe output folder, a content error
// for a template that does not parse or is refused, else a system error.
func exitFor(err error) int {
	var pathErr *fs.PathError
	var linkErr *os.LinkError
	var errno syscall.Errno
	switch {
	case errors.Is(err, write.ErrUnsafe):
		return exitUsage
	case errors.Is(err, write.ErrLocked), errors.As(err, &pathErr), errors.As(err, &linkErr), errors.As(err, &errno):
		return exitSystem
	}
	return exitContent
}

type command struct {
	name string
	run  func(args []string, stdout, stderr io.Writer) int
}

// heapLimit is the soft limit on the Go heap unless GOMEMLIMIT sets one.
// Left alone, Go lets the heap grow to twice what a build holds; near the
// limit the collector works harder instead. A 100,000-article build holds
// about 1 GB at its peak: at 1,400 MiB two builds took 74.1 and 71.9 s
// (116-122 s user CPU) with 1.38 GiB of RSS, against 76.0 and 72.3 s
// (109-115 s) and 2.01 GiB at 2,048 MiB, interleaved in the same hour.
// Above it (a far larger site) builds still finish: the runtime caps the
// collector's share of the CPU.
const heapLimit = 1400 << 20

// gcPercent is the collector's GOGC unless GOGC sets one. A build's live
// heap is small beside what it allocates (110 MB live, 2.5 GB allocated
// at 10,000 articles), so at Go's default of 100 it collects 58 times and
// spends 1.36 s of CPU doing it; at 200, 28 times and 0.60 s, for 110 MB
// more RSS (420 MB); at 400 barely less CPU (0.50 s) for twice the RSS.
// At 100,000 articles the heap limit above binds first either way.
const gcPercent = 200

func main() {
	if _, set := os.LookupEnv("GOMEMLIMIT"); !set {
		debug.SetMemoryLimit(heapLimit)
	}
	if _, set := os.LookupEnv("GOGC"); !set {
		debug.SetGCPercent(gcPercent)
	}
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	cmds := []command{
		{"init", runInit},
		{"build", runBuild},
		{"check", runCheck},
		{"new", runNew},
		{"serve", runServe},
		{"search", runSearch},
	}
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	switch args[0] {
	case "-h", "--help", "help":
		fmt.Fprint(stdout, usage)
		return 0
	}
	for _, c := range cmds {
		if c.name == args[0] {
			return c.run(args[1:], stdout, stderr)
		}
	}
	fmt.Fprintf(stderr, "kbsite: unknown command %q\n\n%s", args[0], usage)
	return 2
}

// newFlags makes a flag set that prints its help to stdout on --help and
// reports mistakes on stderr.
func newFlags(name, synopsis string, stdout, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("kbsite "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		out := fs.Output()
		fmt.Fprintf(out, "Usage: kbsite %s [flags]\n\n%s\n\nFlags:\n", name, synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args. On --help it prints the usage once, to stdout
// (the flag package would print it to the flag set's output first); a
// mistake and its usage go to stderr.
func parseFlags(fs *flag.FlagSet, args []string, stdout, stderr io.Writer) (help bool, err error) {
	var msgs bytes.Buffer
	fs.SetOutput(&msgs)
	err = fs.Parse(args)
	fs.SetOutput(stderr)
	if errors.Is(err, flag.ErrHelp) {
		fs.SetOutput(stdout)
		fs.Usage()
		fs.SetOutput(stderr)
		return true, nil
	}
	stderr.Write(msgs.Bytes())
	return false, err
}

// parse parses flags; it returns (exit status, done) when parsing ended
// the command, for --help (0) or a usage mistake (2).
func parse(fs *flag.FlagSet, args []string, stdout io.Writer) (int, bool) {
	help, err := parseFlags(fs, args, stdout, fs.Output())
	if help {
		return 0, true
	}
	if err != nil {
		return 2, true
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(fs.Output(), "kbsite: unexpected argument %q\n", strings.Join(fs.Args(), " "))
		return 2, true
	}
	return 0, false
}
