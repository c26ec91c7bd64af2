package build

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden site trees in testdata/golden/*/want")

// TestGoldenSites builds each small fixture site under testdata/golden and
// compares the whole output tree, file by file, with the expected tree in
// its want/ folder, in the spirit of mdBook's test suite: any change to
// pages, assets or the search index shows up as a diff to review.
// `go test -run TestGoldenSites -update ./generator/build` rewrites them.
func TestGoldenSites(t *testing.T) {
	fixtures, err := filepath.Glob(filepath.Join("testdata", "golden", "*"))
	if err != nil || len(fixtures) == 0 {
		t.Fatalf("no golden fixtures: %v", err)
	}
	for _, dir := range fixtures {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "public")
			res := buildInto(t, filepath.Join(dir, "content"), out, func(o *Options) { o.WarnLinks = true })
			if res.Failed() {
				t.Fatalf("build failed:\n%s", messages(res))
			}
			got := readTree(t, out)
			for name := range got {
				// An asset's name carries the hash of its content, and the
				// pages name it: the name is the snapshot, the bytes are in
				// templates/assets already.
				if strings.HasPrefix(name, "assets/") {
					got[name] = []byte("content-hashed copy of a theme asset\n")
				}
			}
			want := filepath.Join(dir, "want")
			if *update {
				if err := os.RemoveAll(want); err != nil {
					t.Fatal(err)
				}
				writeTree(t, want, got)
				return
			}
			diffTrees(t, "golden "+filepath.Base(dir)+" (run with -update if intended)", readTree(t, want), got)
		})
	}
}

func writeTree(t *testing.T, dir string, tree map[string][]byte) {
	t.Helper()
	for rel, data := range tree {
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// diffTrees reports every missing, extra and differing file, with the
// first differing line of each, so one run shows the whole change.
func diffTrees(t *testing.T, name string, want, got map[string][]byte) {
	t.Helper()
	var names []string
	for n := range got {
		names = append(names, n)
	}
	for n := range want {
		if _, ok := got[n]; !ok {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	for _, n := range names {
		g, inGot := got[n]
		w, inWant := want[n]
		switch {
		case !inWant:
			t.Errorf("%s: %s should not exist", name, n)
		case !inGot:
			t.Errorf("%s: %s is missing", name, n)
		case !bytes.Equal(g, w):
			t.Errorf("%s: %s differs:\n%s", name, n, firstDiff(w, g))
		}
	}
}

// firstDiff shows the first line where two files differ.
func firstDiff(want, got []byte) string {
	wl, gl := strings.Split(string(want), "\n"), strings.Split(string(got), "\n")
	for i := 0; i < max(len(gl), len(wl)); i++ {
		var g, w string
		if i < len(gl) {
			g = gl[i]
		}
		if i < len(wl) {
			w = wl[i]
		}
		if g != w {
			return "line " + strconv.Itoa(i+1) + ":\n  want: " + clip(w) + "\n  got:  " + clip(g)
		}
	}
	return "same lines, different bytes"
}

func clip(s string) string {
	if len(s) > 200 {
		return s[:200] + "..."
	}
	return s
}
