// Package peers finds, and on request installs, the tools kbbench compares
// kbsite with (Hugo and Pagefind) and what its browser search benchmark
// needs (node, playwright-core, Chromium), and converts a kbsite corpus
// into a Hugo site with the same articles.
package peers

import (
	"context"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"kbsite/generator/internal/bench/measure"
)

// Tools says where the peers are and whether the search benchmark can run.
type Tools struct {
	Hugo, Pagefind               string // paths; empty when missing
	HugoVersion, PagefindVersion string
	Missing                      []string // "hugo", "pagefind"
	SearchOK                     bool
	SearchMissing                string // why the search benchmark cannot run

	pagefindInstallDir string
}

// Find looks for the tools under repo (and on PATH, and in Go's bin
// folder for Hugo), installing the missing peers first when install is set.
func Find(ctx context.Context, repo string, install bool) Tools {
	t := Tools{pagefindInstallDir: filepath.Join(repo, "bench", ".peers")}
	t.locate(repo)
	if install && len(t.Missing) > 0 {
		t.install(ctx, repo)
		t.locate(repo)
	}
	if t.Hugo != "" {
		if out, err := exec.Command(t.Hugo, "version").Output(); err == nil {
			t.HugoVersion = strings.TrimSpace(string(out))
			if i := strings.Index(t.HugoVersion, " BuildDate"); i > 0 {
				t.HugoVersion = t.HugoVersion[:i]
			}
		}
	}
	if t.Pagefind != "" {
		if out, err := exec.Command(t.Pagefind, "--version").Output(); err == nil {
			t.PagefindVersion = strings.TrimSpace(string(out))
		}
	}
	t.SearchMissing = searchMissing(repo)
	t.SearchOK = t.SearchMissing == ""
	return t
}

func (t *Tools) locate(repo string) {
	t.Missing = nil
	if h, err := exec.LookPath("hugo"); err == nil {
		t.Hugo = h
	} else if gp := filepath.Join(goBin(), "hugo"); fileExists(gp) {
		t.Hugo = gp
	}
	t.Pagefind = ""
	for _, dir := range []string{t.pagefindInstallDir, repo} {
		for _, b := range []string{"pagefind_extended", "pagefind"} {
			c := filepath.Join(dir, "node_modules", "@pagefind", "linux-x64", "bin", b)
			if t.Pagefind == "" && fileExists(c) {
				t.Pagefind = c
			}
		}
	}
	if t.Hugo == "" {
		t.Missing = append(t.Missing, "hugo")
	}
	if t.Pagefind == "" {
		t.Missing = append(t.Missing, "pagefind")
	}
}

// searchMissing says what the browser benchmark lacks of node,
// playwright-core and Chromium, or "" when it has them all.
func searchMissing(repo string) string {
	switch {
	case !commandExists("node"):
		return "node is not installed"
	case !fileExists(filepath.Join(repo, "node_modules", "playwright-core", "package.json")):
		return "node_modules/playwright-core is missing (run npm ci, or make test-deps)"
	case !fileExists(chromiumPath()):
		return chromiumPath() + " is missing (apt-get install -y chromium, or make test-deps)"
	}
	return ""
}

func chromiumPath() string {
	if c := os.Getenv("CHROMIUM"); c != "" {
		return c
	}
	return "/usr/bin/chromium"
}

func goBin() string {
	if b := os.Getenv("GOBIN"); b != "" {
		return b
	}
	if out, err := exec.Command("go", "env", "GOPATH").Output(); err == nil {
		return filepath.Join(strings.TrimSpace(string(out)), "bin")
	}
	return ""
}

func fileExists(p string) bool { _, err := os.Stat(p); return err == nil }

func commandExists(name string) bool { _, err := exec.LookPath(name); return err == nil }

// install installs what is missing: Hugo from Debian (apt-get update
// only if the first try fails), else with go install; Pagefind from npm
// into bench/.peers (its npm package ships the binary).
func (t *Tools) install(ctx context.Context, repo string) {
	sh := func(timeout time.Duration, name string, args ...string) error {
		log.Printf("installing: %s %s", name, strings.Join(args, " "))
		_, err := measure.Run(ctx, timeout, repo, []string{"DEBIAN_FRONTEND=noninteractive"}, name, args...)
		if err != nil {
			log.Printf("  failed: %v", err)
		}
		return err
	}
	if t.Hugo == "" {
		err := sh(10*time.Minute, "apt-get", "install", "-y", "hugo")
		if err != nil {
			if sh(10*time.Minute, "apt-get", "update") == nil {
				err = sh(10*time.Minute, "apt-get", "install", "-y", "hugo")
			}
		}
		if err != nil {
			sh(30*time.Minute, "go", "install", "github.com/gohugoio/hugo@v0.111.3")
		}
	}
	if t.Pagefind == "" {
		os.MkdirAll(t.pagefindInstallDir, 0o755)
		pj := filepath.Join(t.pagefindInstallDir, "package.json")
		if !fileExists(pj) {
			os.WriteFile(pj, []byte("{\"private\": true}\n"), 0o644)
		}
		sh(10*time.Minute, "npm", "install", "--no-save", "--no-audit", "--no-fund", "--prefix", t.pagefindInstallDir, "pagefind@1.6.0")
	}
}
