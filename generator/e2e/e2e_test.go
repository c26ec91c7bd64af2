// Package e2e runs kbsite's end-to-end browser tests: it builds the bundled
// site (content/ with templates/) into a temporary folder and runs the Node
// test files beside this one (*.test.mjs) against it, in Debian's Chromium
// through playwright-core, with axe-core and the Nu HTML Checker.
//
// `make test` runs them with KBSITE_REQUIRE_BROWSER=1, after `make
// test-deps` has installed Chromium and node_modules. A plain `go test
// ./...` on a machine without them skips this test and says why.
package e2e

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"kbsite"
	"kbsite/generator/build"
	"kbsite/generator/internal/bench/measure"
	"kbsite/generator/internal/corpusgen"
	"kbsite/generator/theme"
)

// Chromium is the browser the tests drive; they never download one.
const Chromium = "/usr/bin/chromium"

// nodeModules are the npm packages the browser tests load.
var nodeModules = []string{
	"playwright-core/package.json",
	"axe-core/axe.min.js",
	"vnu-jar/build/dist/vnu.jar",
}

func TestBrowser(t *testing.T) {
	root := repoRoot(t)
	required := os.Getenv("KBSITE_REQUIRE_BROWSER") != ""
	if missing := missingTools(root); len(missing) > 0 {
		msg := "the browser tests need " + strings.Join(missing, ", ") + " (`make test-deps` installs Chromium, Java and node_modules; Node.js 20+ must be on PATH)"
		if required {
			t.Fatal(msg + "; failing because KBSITE_REQUIRE_BROWSER is set")
		}
		t.Skip("skipping: " + msg + "; set KBSITE_REQUIRE_BROWSER=1 to make this a failure")
	}
	if testing.Short() && !required {
		t.Skip("skipping the browser tests in -short mode")
	}

	site := filepath.Join(t.TempDir(), "site")
	res, err := build.Build(build.Options{
		ContentDir:   filepath.Join(root, "content"),
		TemplatesDir: filepath.Join(root, "templates"),
		OutDir:       site,
	})
	if err != nil {
		t.Fatalf("building the site: %v", err)
	}
	if res.Failed() {
		for _, d := range res.Diagnostics {
			t.Log(d)
		}
		t.Fatalf("building the site: %d errors", res.Errors)
	}

	// Fixture sites: hostile content (built with broken links as warnings)
	// and a right-to-left translation.
	fixtures := map[string]string{}
	for name, warnLinks := range map[string]bool{"hostile": true, "rtl": false} {
		dir := filepath.Join(t.TempDir(), name)
		res, err := build.Build(build.Options{
			ContentDir:   filepath.Join(root, "generator", "build", "testdata", name),
			TemplatesDir: filepath.Join(root, "templates"),
			OutDir:       dir,
			WarnLinks:    warnLinks,
		})
		if err != nil || res.Failed() {
			t.Fatalf("building the %s fixture: %v %v", name, err, res)
		}
		fixtures[name] = dir
	}
	overHostile(t, root, fixtures["hostile"])
	for name, dir := range corpusSites(t, root) {
		fixtures[name] = dir
	}
	fixtures["large"] = largeSite(t, root)

	files, err := filepath.Glob(filepath.Join(root, "generator", "e2e", "*.test.mjs"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no *.test.mjs files in generator/e2e (%v)", err)
	}
	artifacts := filepath.Join(root, "test-artifacts")
	// Screenshots from an earlier run would pass for this run's.
	if err := os.RemoveAll(filepath.Join(artifacts, "screenshots")); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(artifacts, 0o755); err != nil {
		t.Fatal(err)
	}

	// Leave time to report before `go test -timeout` would panic.
	ctx := context.Background()
	if dl, ok := t.Deadline(); ok {
		var cancel context.CancelFunc
		ctx, cancel = context.WithDeadline(ctx, dl.Add(-30*time.Second))
		defer cancel()
	}
	args := []string{"--test", "--test-concurrency=2", "--test-reporter=spec", "--test-reporter-destination=stdout"}
	for _, f := range files {
		rel, _ := filepath.Rel(root, f)
		args = append(args, rel)
	}
	cmd := exec.CommandContext(ctx, "node", args...)
	cmd.Dir = root
	cmd.Env = append(os.Environ(),
		"KBSITE_E2E_SITE="+site,
		"KBSITE_E2E_HOSTILE_SITE="+fixtures["hostile"],
		"KBSITE_E2E_RTL_SITE="+fixtures["rtl"],
		"KBSITE_E2E_WSL_SITE="+fixtures["wsl"],
		"KBSITE_E2E_KBSUPPORT_SITE="+fixtures["kb-support"],
		"KBSITE_E2E_LARGE_SITE="+fixtures["large"],
		"KBSITE_E2E_ARTIFACTS="+artifacts,
		"PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1",
		"NO_COLOR=1",
	)
	// Node starts Chromium and Java: on a time-out, end the whole group.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	cmd.WaitDelay = 10 * time.Second
	var out bytes.Buffer
	w := io.MultiWriter(os.Stdout, &out)
	cmd.Stdout, cmd.Stderr = w, w

	fmt.Fprintf(os.Stdout, "=== browser tests: node %s\n", strings.Join(args, " "))
	start := time.Now()
	runErr := cmd.Run()
	elapsed := time.Since(start).Round(time.Second)

	logPath := filepath.Join(artifacts, "e2e.log")
	if err := os.WriteFile(logPath, out.Bytes(), 0o644); err != nil {
		t.Error(err)
	}
	// Opening a file written this second keeps `go test` from caching the
	// result: the browser, node_modules and the .mjs files are inputs it
	// cannot see, so a cached pass would prove nothing.
	if f, err := os.Open(logPath); err == nil {
		f.Close()
	}

	summary := summaryLine(out.String())
	t.Logf("browser tests: %s in %s (log: %s, screenshots: %s)", summary, elapsed, logPath, filepath.Join(artifacts, "screenshots"))
	if ctx.Err() != nil {
		t.Fatalf("browser tests timed out after %s", elapsed)
	}
	if runErr != nil {
		t.Fatalf("browser tests failed (%v): %s; see the report above or %s", runErr, summary, logPath)
	}
}

// TestArticleWeight keeps every article page of the bundled site, with the
// stylesheets and scripts it loads, under measure.ArticleBudget gzip (no
// browser needed: the page names what it loads).
func TestArticleWeight(t *testing.T) {
	root := repoRoot(t)
	out := filepath.Join(t.TempDir(), "site")
	res, err := build.Build(build.Options{ContentDir: filepath.Join(root, "content"), TemplatesDir: filepath.Join(root, "templates"), OutDir: out})
	if err != nil || res.Failed() {
		t.Fatalf("building the site: %v %v", err, res)
	}
	rel, weight, err := measure.Heaviest(out, "kb/*.html")
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("heaviest article page: %s, %d bytes gzip (HTML + CSS + JS)", rel, weight)
	if weight >= measure.ArticleBudget {
		t.Errorf("%s weighs %d bytes gzip with its CSS and JavaScript, over the %d-byte budget", rel, weight, measure.ArticleBudget)
	}
}

// missingTools lists what the browser tests need and this machine lacks.
func missingTools(root string) []string {
	var missing []string
	if fi, err := os.Stat(Chromium); err != nil || fi.IsDir() || fi.Mode()&0o111 == 0 {
		missing = append(missing, Chromium)
	}
	for _, tool := range []string{"node", "java"} {
		if _, err := exec.LookPath(tool); err != nil {
			missing = append(missing, tool)
		}
	}
	for _, m := range nodeModules {
		if _, err := os.Stat(filepath.Join(root, "node_modules", filepath.FromSlash(m))); err != nil {
			missing = append(missing, "node_modules/"+m)
		}
	}
	return missing
}

// repoRoot is the folder with go.mod above the test's folder.
func repoRoot(t *testing.T) string {
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the test folder")
		}
		dir = parent
	}
}

var countRE = regexp.MustCompile(`(?m)^ℹ (tests|pass|fail|cancelled|skipped|todo) (\d+)$`)

// summaryLine condenses the spec reporter's closing counts.
func summaryLine(out string) string {
	var parts []string
	for _, m := range countRE.FindAllStringSubmatch(out, -1) {
		parts = append(parts, m[2]+" "+m[1])
	}
	if len(parts) == 0 {
		return "no summary"
	}
	return strings.Join(parts, ", ")
}

// overHostile builds the hostile fixture again into its own output folder,
// joined by files that would replace its pages and its search script (a
// forged assets/search-ui.<hash>.js) or run script as pages themselves.
// The build must fail and leave the folder as it was, which the browser
// then checks: no page runs window.__pwned.
func overHostile(t *testing.T, root, out string) {
	testdata := filepath.Join(root, "generator", "build", "testdata")
	content := filepath.Join(t.TempDir(), "content")
	for _, src := range []string{"hostile", "hostile-files"} {
		if err := os.CopyFS(content, os.DirFS(filepath.Join(testdata, src))); err != nil {
			t.Fatal(err)
		}
	}
	// Aliases are the Go tests' business; here only files are published.
	os.Remove(filepath.Join(content, "linked", "aliases.md"))
	asset := assetPath(t, root, "search-ui.js")
	os.MkdirAll(filepath.Join(content, "assets"), 0o755)
	os.WriteFile(filepath.Join(content, filepath.FromSlash(asset)), []byte("window.__pwned=1\n"), 0o644)
	os.WriteFile(filepath.Join(content, "linked", "asset.md"), []byte("---\nid: KB666101\ntitle: Forged asset\nproducts: [evil]\n---\n[x](../"+asset+")\n"), 0o644)
	res, err := build.Build(build.Options{ContentDir: content, TemplatesDir: filepath.Join(root, "templates"), OutDir: out, WarnLinks: true})
	if err != nil || !res.Failed() {
		t.Errorf("files that replace pages or run script were published: %v", err)
	}
}

// assetPath is the hashed path the theme publishes an asset at.
func assetPath(t *testing.T, root, name string) string {
	t.Helper()
	fsys, err := theme.Over(filepath.Join(root, "templates"), kbsite.Theme)
	if err != nil {
		t.Fatal(err)
	}
	th, err := theme.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range th.Assets() {
		if a.Name == name {
			return a.Path
		}
	}
	t.Fatalf("the theme has no %s", name)
	return ""
}

// corpusSites builds the real corpora of ../shared/corpus, as a doc writer
// would with --warn-links (the copies lack some of their images and
// includes). A corpus that is absent is skipped, or fails the test when
// KBSITE_REQUIRE_CORPUS is set, as `make test` does.
func corpusSites(t *testing.T, root string) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, name := range []string{"wsl", "kb-support"} {
		src := filepath.Join(root, "..", "shared", "corpus", name)
		if _, err := os.Stat(src); err != nil {
			if os.Getenv("KBSITE_REQUIRE_CORPUS") != "" {
				t.Fatalf("corpus %s is absent (%v); KBSITE_REQUIRE_CORPUS is set", name, err)
			}
			t.Logf("corpus %s absent: its browser tests skip", name)
			continue
		}
		dir := filepath.Join(t.TempDir(), name)
		res, err := build.Build(build.Options{ContentDir: src, OutDir: dir, WarnLinks: true})
		if err != nil || res.Failed() {
			for _, d := range res.Diagnostics {
				t.Log(d)
			}
			t.Fatalf("building the %s corpus: %v", name, err)
		}
		out[name] = dir
	}
	return out
}

// largeSite builds a generated 500-article KB, whose navigation tree is
// large enough to be pruned on every page (see generator/site/nav).
func largeSite(t *testing.T, root string) string {
	t.Helper()
	src := filepath.Join(t.TempDir(), "large-content")
	if _, err := corpusgen.Generate(src, 500, 1); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "large")
	res, err := build.Build(build.Options{ContentDir: src, TemplatesDir: filepath.Join(root, "templates"), OutDir: dir})
	if err != nil || res.Failed() {
		t.Fatalf("building the large fixture: %v %v", err, res)
	}
	return dir
}
