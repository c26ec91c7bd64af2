package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"kbsite/generator/build"
	"kbsite/generator/internal/serve"
)

func runServe(args []string, stdout, stderr io.Writer) int {
	var f siteFlags
	var port int
	var host string
	var open bool
	fs := newFlags("serve", "Builds the site, serves it on 127.0.0.1 and rebuilds on every change to the\ncontent or templates folder, reloading open pages. Errors show in the\nterminal and over the page; the last good site stays served.", stdout, stderr)
	f.register(fs, true)
	fs.IntVar(&port, "port", 8080, "port to listen on (0 picks a free one)")
	fs.StringVar(&host, "host", "127.0.0.1", "address to listen on; the default keeps the preview private to this machine")
	fs.BoolVar(&open, "open", false, "open the site in the default browser")
	if code, done := parse(fs, args, stdout); done {
		return code
	}
	if !f.valid(stderr) {
		return exitUsage
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return serveSite(ctx, f, net.JoinHostPort(host, strconv.Itoa(port)), open, stdout, stderr)
}

// serveSite runs the preview until ctx is done.
func serveSite(ctx context.Context, f siteFlags, addr string, open bool, stdout, stderr io.Writer) int {
	opts := f.options()
	host, _, _ := net.SplitHostPort(addr) // a bad addr fails net.Listen below
	srv := serve.New(opts.OutDir, host)
	sess, res, err := build.NewSession(opts)
	if err != nil {
		fmt.Fprintln(stderr, "kbsite:", err)
		return exitFor(err)
	}
	f.report(res, stderr)
	if res.Failed() {
		srv.Problem(problemText(res))
		fmt.Fprintf(stderr, "kbsite: build failed; serving the previous %s until the errors are fixed\n", opts.OutDir)
	} else {
		fmt.Fprintf(stdout, "kbsite: built %s in %s\n", count(res.Articles, "article"), res.Elapsed.Round(time.Millisecond))
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		fmt.Fprintln(stderr, "kbsite:", err)
		return exitSystem
	}
	url := "http://" + ln.Addr().String() + "/"
	fmt.Fprintf(stdout, "kbsite: serving %s at %s (Ctrl-C to stop)\n", opts.OutDir, url)
	hs := srv.Start(ln)
	if open {
		exec.Command("xdg-open", url).Start()
	}
	rebuild := func(paths []string) {
		var res *build.Result
		var written []string
		var err error
		if sess == nil {
			sess, res, err = build.NewSession(opts)
			written = []string{"*"}
		} else {
			res, written, err = sess.Update(paths)
		}
		if err != nil {
			fmt.Fprintln(stderr, "kbsite:", err)
			srv.Problem(err.Error())
			return
		}
		f.report(res, stderr)
		if res.Failed() {
			srv.Problem(problemText(res))
			return
		}
		fmt.Fprintf(stdout, "kbsite: rebuilt %s in %s after changes to %s\n", count(len(written), "file"),
			res.Elapsed.Round(time.Millisecond), describe(paths))
		srv.Reload()
	}
	err = serve.Watch(ctx, []string{opts.ContentDir, opts.TemplatesDir}, 20*time.Millisecond, rebuild)
	shutdown, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	hs.Shutdown(shutdown)
	if err != nil {
		fmt.Fprintln(stderr, "kbsite:", err)
		return exitSystem
	}
	return exitOK
}

func problemText(res *build.Result) string {
	var b strings.Builder
	for _, d := range res.Diagnostics {
		b.WriteString(d.String() + "\n")
	}
	return b.String()
}

func describe(paths []string) string {
	if len(paths) == 1 {
		return filepath.Clean(paths[0])
	}
	return fmt.Sprintf("%d files", len(paths))
}
