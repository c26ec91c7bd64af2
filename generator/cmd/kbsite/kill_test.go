package main

import (
	"bytes"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"kbsite/generator/internal/corpusgen"
)

func snapshot(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	m := map[string][]byte{}
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			m[p], _ = os.ReadFile(p)
		}
		return nil
	})
	return m
}

// TestKilledBuildLeavesPreviousSite stops a build while it writes pages,
// then kills it with SIGKILL, and checks the previous site is byte-identical, that a
// concurrent second build is refused with a clear message, that the next
// build succeeds, and that the one after deletes what the killed one left.
func TestKilledBuildLeavesPreviousSite(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 1,500-article site")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "kbsite")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	content, out := filepath.Join(dir, "content"), filepath.Join(dir, "public")
	if _, err := corpusgen.Generate(content, 1500, 7); err != nil {
		t.Fatal(err)
	}
	args := []string{"build", "--content", content, "--templates", filepath.Join(repo, "templates"), "--out", out}
	if b, err := exec.Command(bin, args...).CombinedOutput(); err != nil {
		t.Fatalf("first build: %v\n%s", err, b)
	}
	before := snapshot(t, out)

	// Change every article so the next build really rewrites everything.
	os.WriteFile(filepath.Join(content, "site.yaml"), []byte("title: Changed title\n"), 0o644)
	cmd := exec.Command(bin, args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Wait until the build is writing into its staging folder.
	deadline := time.Now().Add(60 * time.Second)
	for {
		stages, _ := filepath.Glob(filepath.Join(dir, ".public.kbsite-*", "kb", "*.html"))
		if len(stages) > 50 {
			break
		}
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatalf("build never started writing; stderr: %s", stderr.String())
		}
		time.Sleep(2 * time.Millisecond)
	}
	// Freeze it there, holding the lock: a second build loads and parses
	// for a second or two before it asks for the lock, by which time the
	// first would have finished writing 1,500 articles.
	cmd.Process.Signal(syscall.SIGSTOP)
	// A second build meanwhile is refused.
	second, err := exec.Command(bin, args...).CombinedOutput()
	if err == nil || !strings.Contains(string(second), "another kbsite build is writing to this output folder") {
		t.Errorf("concurrent build: %v %s", err, second)
	}
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()

	after := snapshot(t, out)
	if len(after) != len(before) {
		t.Fatalf("killed build changed the file count: %d -> %d", len(before), len(after))
	}
	for p, b := range before {
		if !bytes.Equal(b, after[p]) {
			t.Fatalf("killed build changed %s", p)
		}
	}
	if b, err := exec.Command(bin, args...).CombinedOutput(); err != nil {
		t.Fatalf("build after the kill: %v\n%s", err, b)
	}
	home, _ := os.ReadFile(filepath.Join(out, "index.html"))
	if !bytes.Contains(home, []byte("Changed title")) {
		t.Errorf("next build did not publish the change")
	}
	// The killed build's staging folder and the replaced site are trash
	// now, which the build after deletes.
	left, _ := filepath.Glob(filepath.Join(dir, ".public.kbsite-*"))
	for _, l := range left {
		if !strings.Contains(filepath.Base(l), ".kbsite-old-") {
			t.Errorf("staging folder left after the next build: %s", l)
		}
	}
	if b, err := exec.Command(bin, args...).CombinedOutput(); err != nil {
		t.Fatalf("third build: %v\n%s", err, b)
	}
	for _, l := range left {
		if _, err := os.Stat(l); !os.IsNotExist(err) {
			t.Errorf("trash folder %s not deleted by the build after", l)
		}
	}
}
