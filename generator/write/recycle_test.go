package write

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"
)

// publishSite builds files into out and commits.
func publishSite(t *testing.T, out string, files map[string]string) {
	t.Helper()
	d, err := Begin(out)
	if err != nil {
		t.Fatal(err)
	}
	for p, text := range files {
		if err := d.WriteFile(p, []byte(text)); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
	}
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
}

// tree lists out as path=content lines, folders as path/.
func tree(t *testing.T, out string) string {
	t.Helper()
	var lines []string
	filepath.WalkDir(out, func(p string, e os.DirEntry, err error) error {
		rel, _ := filepath.Rel(out, p)
		switch {
		case err != nil:
			t.Fatal(err)
		case rel == "." || rel == Marker:
		case e.IsDir():
			lines = append(lines, rel+"/")
		default:
			b, _ := os.ReadFile(p)
			lines = append(lines, rel+"="+string(b))
		}
		return nil
	})
	sort.Strings(lines)
	return strings.Join(lines, " ")
}

func inode(t *testing.T, p string) uint64 {
	t.Helper()
	info, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	return info.Sys().(*syscall.Stat_t).Ino
}

// TestRebuildReusesTheSiteBeforeLast: the third build is staged in the
// first build's tree. It publishes exactly its own files (nothing of the
// first build survives, folders and files swapped places), and leaves a
// page whose bytes did not change untouched.
func TestRebuildReusesTheSiteBeforeLast(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	publishSite(t, out, map[string]string{"index.html": "home", "kb/a.html": "a1", "kb/gone.html": "g", "x": "file", "y/z.html": "z", "deep/er/f.html": "f"})
	same := filepath.Join(out, "index.html")
	sameIno := inode(t, same)
	past := time.Now().Add(-time.Hour)
	os.Chtimes(same, past, past)
	publishSite(t, out, map[string]string{"index.html": "home", "kb/a.html": "a2"})
	want := map[string]string{"index.html": "home", "kb/a.html": "a3", "x/a.html": "now a folder", "y": "now a file"}
	publishSite(t, out, want)
	if got := tree(t, out); got != "index.html=home kb/ kb/a.html=a3 x/ x/a.html=now a folder y=now a file" {
		t.Errorf("published tree: %s", got)
	}
	if inode(t, same) != sameIno {
		t.Error("the first build's tree was not reused")
	}
	if info, _ := os.Stat(same); !info.ModTime().Equal(past) {
		t.Errorf("an unchanged page was written again (modified %v)", info.ModTime())
	}
}

// TestRebuildNeverWritesThroughLinks: a published file with another hard
// link, and a symbolic link someone put into the output folder, are
// replaced, never written through, when their tree is reused.
func TestRebuildNeverWritesThroughLinks(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	publishSite(t, out, map[string]string{"kb/a.html": "a1", "kb/b.html": "b1"})
	backup, outside := filepath.Join(dir, "backup.html"), filepath.Join(dir, "outside.html")
	if err := os.Link(filepath.Join(out, "kb", "a.html"), backup); err != nil {
		t.Skip("no hard links here:", err)
	}
	os.WriteFile(outside, []byte("mine"), 0o644)
	os.Remove(filepath.Join(out, "kb", "b.html"))
	if err := os.Symlink(outside, filepath.Join(out, "kb", "b.html")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	publishSite(t, out, map[string]string{"kb/a.html": "a2", "kb/b.html": "b2"})
	publishSite(t, out, map[string]string{"kb/a.html": "a3", "kb/b.html": "b3"})
	if b, _ := os.ReadFile(backup); string(b) != "a1" {
		t.Errorf("a hard link of a published file changed: %q", b)
	}
	if b, _ := os.ReadFile(outside); string(b) != "mine" {
		t.Errorf("a file outside the output folder was written through a link: %q", b)
	}
	if got := tree(t, out); got != "kb/ kb/a.html=a3 kb/b.html=b3" {
		t.Errorf("published tree: %s", got)
	}
}

// TestAbortedRebuildReturnsItsTreeToTheTrash: a failed build over a
// reused tree leaves the output as it was and puts the tree back, so the
// next build reuses it instead of creating every file again.
func TestAbortedRebuildReturnsItsTreeToTheTrash(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	publishSite(t, out, map[string]string{"a.html": "1"})
	publishSite(t, out, map[string]string{"a.html": "2"})
	d, err := Begin(out)
	if err != nil {
		t.Fatal(err)
	}
	d.WriteFile("a.html", []byte("broken"))
	d.Abort()
	if got := tree(t, out); got != "a.html=2" {
		t.Errorf("an aborted build changed the output: %s", got)
	}
	if trash, _ := filepath.Glob(filepath.Join(dir, ".public.kbsite-old-*", "a.html")); len(trash) != 1 {
		t.Errorf("the reused tree is not back in the trash: %v", trash)
	}
	publishSite(t, out, map[string]string{"a.html": "3"})
	if got := tree(t, out); got != "a.html=3" {
		t.Errorf("published tree: %s", got)
	}
}
