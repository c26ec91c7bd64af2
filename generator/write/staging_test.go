package write

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

func TestSecondBuilderIsLockedOut(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	first, err := Begin(out)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Begin(out); !errors.Is(err, ErrLocked) {
		t.Fatalf("second Begin: %v, want ErrLocked", err)
	}
	first.WriteFile("index.html", []byte("one"))
	if err := first.Commit(); err != nil {
		t.Fatal(err)
	}
	second, err := Begin(out)
	if err != nil {
		t.Fatalf("lock not released after Commit: %v", err)
	}
	second.WriteFile("index.html", []byte("two"))
	second.Abort()
	if b, _ := os.ReadFile(filepath.Join(out, "index.html")); string(b) != "one" {
		t.Errorf("aborted build changed the output: %q", b)
	}
}

// TestCommitSwapsWholeTreeAndTrashesTheOld: the previous site leaves the
// output folder in the swap and waits in a trash folder, as does a killed
// build's staging folder; the next build reuses the newest trash folder
// (recycle.go) and a Sweep deletes the others.
func TestCommitSwapsWholeTreeAndTrashesTheOld(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	killed := filepath.Join(dir, ".public.kbsite-12345")
	os.MkdirAll(filepath.Join(killed, "kb"), 0o755) // left by a killed build
	os.WriteFile(filepath.Join(killed, "kb", "half.html"), []byte("x"), 0o644)
	other := filepath.Join(dir, ".public.kbsite-x.kbsite-77") // staging public.kbsite-x
	os.MkdirAll(other, 0o755)
	os.WriteFile(filepath.Join(other, "index.html"), []byte("x"), 0o644)
	d, _ := Begin(out)
	if _, err := os.Stat(killed); !os.IsNotExist(err) {
		t.Errorf("the killed build's staging folder was not taken: %v", err)
	}
	d.WriteFile("a/b.html", []byte("b"))
	d.WriteFile("stale.html", []byte("x"))
	d.Commit()
	if _, err := os.Stat(filepath.Join(out, "kb")); !os.IsNotExist(err) {
		t.Errorf("what the killed build wrote was published: %v", err)
	}
	d, _ = Begin(out)
	d.WriteFile("a/b.html", []byte("b2"))
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(out, "stale.html")); !os.IsNotExist(err) {
		t.Error("file of the previous build survived the swap")
	}
	if b, _ := os.ReadFile(filepath.Join(out, "a", "b.html")); string(b) != "b2" {
		t.Errorf("new content missing: %q", b)
	}
	trash, _ := filepath.Glob(filepath.Join(dir, ".public.kbsite-old-*", "stale.html"))
	if len(trash) != 1 {
		t.Errorf("the previous site is not in a trash folder: %v", trash)
	}
	older := filepath.Join(dir, ".public.kbsite-old-999")
	os.MkdirAll(older, 0o755)
	past := time.Now().Add(-time.Hour)
	os.Chtimes(older, past, past)
	Sweep(out).Wait()
	if _, err := os.Stat(filepath.Join(other, "index.html")); err != nil {
		t.Errorf("the staging folder of another output folder was touched: %v", err)
	}
	os.RemoveAll(other)
	left, _ := filepath.Glob(filepath.Join(dir, ".public.kbsite-*"))
	if len(left) != 1 || len(trash) != 1 || left[0] != filepath.Dir(trash[0]) {
		t.Errorf("after the sweep %v are left, want the newest trash folder alone (%v)", left, trash)
	}
	if b, _ := os.ReadFile(filepath.Join(out, "a", "b.html")); string(b) != "b2" {
		t.Errorf("the sweep touched the output folder: %q", b)
	}
	if _, err := d.Path("../escape"); err == nil {
		t.Error("a path leaving the output folder was accepted")
	}
}

// TestSweepSparesARunningBuild: a build started while another one writes
// deletes only trash, never the other build's staging folder.
func TestSweepSparesARunningBuild(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	d, err := Begin(out)
	if err != nil {
		t.Fatal(err)
	}
	d.WriteFile("index.html", []byte("one"))
	Sweep(out).Wait()
	if err := d.Commit(); err != nil {
		t.Fatalf("commit after a sweep: %v", err)
	}
	if b, _ := os.ReadFile(filepath.Join(out, "index.html")); string(b) != "one" {
		t.Errorf("published %q, want the staged page", b)
	}
}

// TestOutputCompleteAtEveryInstant: a reader polling the output folder
// while builds commit and sweep always finds a whole site, the old or the
// new one, and never a page of a site already replaced.
func TestOutputCompleteAtEveryInstant(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	publish := func(gen int) {
		d, err := Begin(out)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range []string{"index.html", "kb/a.html", "kb/b.html"} {
			d.WriteFile(p, []byte(strconv.Itoa(gen)))
		}
		if err := d.Commit(); err != nil {
			t.Fatal(err)
		}
	}
	publish(0)
	var published atomic.Int64
	done := make(chan error)
	go func() {
		for {
			floor := published.Load()
			b, err := os.ReadFile(filepath.Join(out, "kb", "b.html"))
			if err != nil {
				done <- err
				return
			}
			if gen, _ := strconv.Atoi(string(b)); int64(gen) < floor {
				done <- fmt.Errorf("read generation %d after %d was published", gen, floor)
				return
			}
			if floor == 30 {
				done <- nil
				return
			}
		}
	}()
	for gen := 1; gen <= 30; gen++ {
		sweep := Sweep(out)
		publish(gen)
		published.Store(int64(gen))
		sweep.Wait()
	}
	if err := <-done; err != nil {
		t.Error(err)
	}
}

// TestCheckRefusesOverlap: an output folder that is, contains or sits in an
// input folder, directly or through a symbolic link, is refused before
// anything is written.
func TestCheckRefusesOverlap(t *testing.T) {
	dir := t.TempDir()
	site := filepath.Join(dir, "s")
	content, templates := filepath.Join(site, "content"), filepath.Join(dir, "t")
	os.MkdirAll(content, 0o755)
	os.MkdirAll(templates, 0o755)
	os.WriteFile(filepath.Join(content, "a.md"), []byte("a"), 0o644)
	os.WriteFile(filepath.Join(templates, "base.html"), []byte("b"), 0o644)
	link := filepath.Join(dir, "link")
	if err := os.Symlink(site, link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	for _, out := range []string{
		content, templates, // equal
		site,                                    // contains the content folder
		filepath.Join(content, "public"),        // inside it
		filepath.Join(templates, "x", "public"), // inside the templates folder
		link,                                    // contains it, through a link
		filepath.Join(link, "content"),          // is it, through a link
		filepath.Join(link, "content", "new", "public"), // inside it, through a link, not existing yet
	} {
		if err := Check(out, content, templates); !errors.Is(err, ErrUnsafe) {
			t.Errorf("--out %s: %v, want ErrUnsafe", out, err)
		}
	}
	if err := Check(filepath.Join(site, "public"), content, templates); err != nil {
		t.Errorf("a sibling of the content folder refused: %v", err)
	}
	if _, err := os.Stat(filepath.Join(content, "new")); !os.IsNotExist(err) {
		t.Error("Check created folders")
	}
}

// TestOnlyMarkedFoldersAreReplaced: a missing or empty folder, or one kbsite
// built, is replaced; a non-empty one without the marker (someone's files,
// or a site from a kbsite that wrote no marker) is left alone.
func TestOnlyMarkedFoldersAreReplaced(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	os.MkdirAll(out, 0o755)
	build := func() error {
		d, err := Begin(out)
		if err != nil {
			return err
		}
		d.WriteFile("index.html", []byte("site"))
		return d.Commit()
	}
	if err := build(); err != nil {
		t.Fatalf("empty folder: %v", err)
	}
	if _, err := os.Stat(filepath.Join(out, Marker)); err != nil {
		t.Fatalf("no marker in the output: %v", err)
	}
	if err := build(); err != nil {
		t.Fatalf("second build over a marked folder: %v", err)
	}
	os.Remove(filepath.Join(out, Marker))
	mine := filepath.Join(out, "thesis.doc")
	os.WriteFile(mine, []byte("years of work"), 0o644)
	for _, err := range []error{build(), Check(out)} {
		if !errors.Is(err, ErrUnsafe) || !strings.Contains(err.Error(), "delete it or pick another --out") {
			t.Errorf("unmarked folder: %v, want ErrUnsafe with a hint", err)
		}
	}
	if _, err := os.Stat(mine); err != nil {
		t.Errorf("a file of an unmarked output folder is gone: %v", err)
	}
	file := filepath.Join(dir, "file")
	os.WriteFile(file, []byte("x"), 0o644)
	if err := Check(file); !errors.Is(err, ErrUnsafe) {
		t.Errorf("an output path that is a file: %v, want ErrUnsafe", err)
	}
}

// TestSymlinkedOutputUpdatesItsTarget: with public -> www, every build
// lands in www and public stays the link; the lock is taken beside www.
func TestSymlinkedOutputUpdatesItsTarget(t *testing.T) {
	dir := t.TempDir()
	www, public := filepath.Join(dir, "srv", "www"), filepath.Join(dir, "public")
	os.MkdirAll(filepath.Dir(www), 0o755)
	if err := os.Symlink(www, public); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	for _, text := range []string{"one", "two"} { // www missing, then present
		d, err := Begin(public)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := os.Stat(filepath.Join(dir, "srv", ".www.lock")); err != nil {
			t.Errorf("lock not on the resolved path: %v", err)
		}
		d.WriteFile("index.html", []byte(text))
		if err := d.Commit(); err != nil {
			t.Fatal(err)
		}
		if info, err := os.Lstat(public); err != nil || info.Mode()&os.ModeSymlink == 0 {
			t.Fatalf("public is no longer a symbolic link: %v %v", info, err)
		}
		if b, _ := os.ReadFile(filepath.Join(www, "index.html")); string(b) != text {
			t.Errorf("www holds %q, want %q", b, text)
		}
	}
}
