package main

import (
	"encoding/json"
	"fmt"
	"io"

	"kbsite/generator/build"
	"kbsite/generator/internal/diag"
)

// runCheck is `kbsite check`: the whole build without writing, its
// problems reported as text or JSON.
func runCheck(args []string, stdout, stderr io.Writer) int {
	var f siteFlags
	var format string
	var external bool
	fs := newFlags("check", "Runs every content and link check without writing output.\nExits 1 when there are errors.", stdout, stderr)
	f.register(fs, false)
	fs.StringVar(&format, "format", "text", "output format: text or json")
	fs.BoolVar(&external, "external", false, "also list every external link with where it is written")
	if code, done := parse(fs, args, stdout); done {
		return code
	}
	if !f.valid(stderr) {
		return exitUsage
	}
	if format != "text" && format != "json" {
		fmt.Fprintf(stderr, "kbsite: --format must be text or json, not %q\n", format)
		return exitUsage
	}
	opts := f.options()
	opts.CheckOnly = true
	res, err := build.Build(opts)
	if err != nil {
		fmt.Fprintln(stderr, "kbsite:", err)
		return exitFor(err)
	}
	code := exitOK
	if res.Failed() {
		code = exitContent
	}
	if format == "json" {
		writeCheckJSON(stdout, res, code == exitOK, external)
		return code
	}
	f.report(res, stderr)
	if external {
		for _, e := range res.External {
			fmt.Fprintf(stdout, "%s:%d:%d: %s\n", e.File, e.Line, e.Col, e.URL)
		}
	}
	if f.quiet {
		return code
	}
	fmt.Fprintf(stdout, "kbsite: checked %s: %s, %s\n", count(res.Articles, "article"), count(res.Errors, "error"), count(res.Warnings, "warning"))
	return code
}

// checkReport is `kbsite check --format json`'s output.
type checkReport struct {
	OK       bool           `json:"ok"`
	Articles int            `json:"articles"`
	Errors   int            `json:"errors"`
	Warnings int            `json:"warnings"`
	Problems []checkProblem `json:"problems"`
	External []checkLink    `json:"external,omitempty"`
}

type checkProblem struct {
	File     string `json:"file"`
	Line     int    `json:"line"`
	Col      int    `json:"col"`
	Severity string `json:"severity"`
	Kind     string `json:"kind,omitempty"`
	Message  string `json:"message"`
}

type checkLink struct {
	URL  string `json:"url"`
	File string `json:"file"`
	Line int    `json:"line"`
	Col  int    `json:"col"`
}

// writeCheckJSON writes the check's result as JSON, with the external
// links when asked for.
func writeCheckJSON(w io.Writer, res *build.Result, ok, external bool) {
	report := checkReport{OK: ok, Articles: res.Articles, Errors: res.Errors, Warnings: res.Warnings, Problems: []checkProblem{}}
	for _, d := range res.Diagnostics {
		sev := "error"
		if d.Severity == diag.Warning {
			sev = "warning"
		}
		report.Problems = append(report.Problems, checkProblem{d.File, d.Line, d.Col, sev, d.Kind, d.Msg})
	}
	if external {
		for _, e := range res.External {
			report.External = append(report.External, checkLink(e))
		}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.Encode(report)
}
