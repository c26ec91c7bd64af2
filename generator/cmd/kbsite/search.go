package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"kbsite/generator/search/engine"
	"kbsite/generator/search/facet"
)

// runSearch implements "kbsite search [flags] query": it searches the
// client index of a built site, the same files the browser loads.
func runSearch(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("search", "", stdout, stderr)
	fs.Usage = func() {
		out := fs.Output()
		fmt.Fprintf(out, "Usage: kbsite search [flags] \"query\"\n\nSearch the built site's search index, as the browser does.\n"+
			"All words must match, the last word may be a prefix, \"quoted phrases\",\n-excluded words, an article ID alone. Put -- before a query that starts\nwith \"-\" and is one word.\n\nFlags:\n")
		fs.PrintDefaults()
	}
	site := fs.String("site", "public", "built site `folder`")
	limit := fs.Int("limit", 10, "maximum number of results")
	asJSON := fs.Bool("json", false, "print results as a JSON array")
	product := fs.String("product", "", "only articles of this product (name or slug)")
	typ := fs.String("type", "", "only articles of this article type (name or slug, e.g. how-to)")
	facets := fs.Bool("facets", false, "also print how many articles match by product and by article type")
	lang := fs.String("lang", "", "index language (default: the site's only language, or en)")
	help, err := parseFlags(fs, queryAfterFlags(fs, args), stdout, stderr)
	if help {
		return 0
	}
	if err != nil {
		if strings.HasPrefix(err.Error(), "flag provided but not defined") {
			fmt.Fprintln(stderr, `kbsite search: to search for a query that starts with "-", put -- before it`)
		}
		return 2
	}
	q := strings.TrimSpace(strings.Join(fs.Args(), " "))
	if q == "" {
		fmt.Fprintln(stderr, "kbsite search: missing query")
		fs.Usage()
		return 2
	}
	if *limit <= 0 {
		fmt.Fprintln(stderr, "kbsite search: --limit must be positive")
		return 2
	}
	if st, err := os.Stat(filepath.Join(*site, "search")); err != nil || !st.IsDir() {
		fmt.Fprintf(stderr, "kbsite search: no search index in %s (run kbsite build first)\n", filepath.Join(*site, "search"))
		return exitUsage
	}
	ix, err := engine.Open(*site, *lang)
	if err != nil {
		fmt.Fprintf(stderr, "kbsite search: %v\n", err)
		return exitFor(err)
	}
	resp := ix.Query(q, engine.Options{Limit: *limit, Product: *product, Type: *typ, Facets: *facets, Complete: true})
	if *asJSON {
		return printJSON(stdout, stderr, resp, *facets)
	}
	printText(stdout, q, resp)
	return 0
}

// printJSON prints the results, and the facets when asked for.
func printJSON(stdout, stderr io.Writer, resp engine.Response, facets bool) int {
	var v any = resp.Results
	if facets {
		v = struct {
			Results []engine.Result `json:"results"`
			Facets  *facet.Facets   `json:"facets"`
		}{resp.Results, resp.Facets}
	}
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		fmt.Fprintf(stderr, "kbsite search: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "%s\n", b)
	return 0
}

// printText prints the results, or suggestions when there are none, then
// the facets if any.
func printText(stdout io.Writer, q string, resp engine.Response) {
	if len(resp.Results) == 0 {
		fmt.Fprintf(stdout, "No results for %q.\n", q)
		for _, s := range resp.Suggestions {
			fmt.Fprintf(stdout, "Did you mean %q for %q?\n", s.Suggestion, s.Word)
		}
	}
	for i, r := range resp.Results {
		if r.Derived { // an ID made from the path: the URL line names the page
			fmt.Fprintf(stdout, "%d. %s  (%.3f)\n", i+1, r.Title, r.Score)
		} else {
			fmt.Fprintf(stdout, "%d. %s  %s  (%.3f)\n", i+1, r.ID, r.Title, r.Score)
		}
		url := r.URL
		if r.Section != "" {
			url += "#" + r.Section
		}
		fmt.Fprintf(stdout, "   %s\n", url)
	}
	if resp.Total > len(resp.Results) {
		fmt.Fprintf(stdout, "%d of %d results.\n", len(resp.Results), resp.Total)
	}
	if resp.Facets != nil {
		printFacets(stdout, "By product", resp.Facets.Products)
		printFacets(stdout, "By type", resp.Facets.Types)
	}
}

// printFacets prints the values that have matches, with their counts.
func printFacets(w io.Writer, label string, fs []facet.Facet) {
	var parts []string
	for _, f := range fs {
		if f.Count > 0 {
			parts = append(parts, fmt.Sprintf("%s (%s) %d", f.Name, f.Slug, f.Count))
		}
	}
	if len(parts) > 0 {
		fmt.Fprintf(w, "%s: %s.\n", label, strings.Join(parts, ", "))
	}
}

// queryAfterFlags marks where the query starts, so that a query beginning
// with an excluded word ("-nat firewall") is not taken for a flag: an
// argument that starts with "-" and holds a space cannot be one. A lone
// "-nat" stays a flag mistake (it may be a mistyped flag); "--" before the
// query makes it a query, as everywhere.
func queryAfterFlags(fs *flag.FlagSet, args []string) []string {
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" || !strings.HasPrefix(a, "-") {
			return args
		}
		if strings.ContainsAny(a, " \t") {
			return slices.Concat(args[:i], []string{"--"}, args[i:])
		}
		name, _, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if f := fs.Lookup(name); f != nil && !hasValue && !isBool(f) {
			i++ // the flag's value, whatever it looks like
		}
	}
	return args
}

func isBool(f *flag.Flag) bool {
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return ok && b.IsBoolFlag()
}
