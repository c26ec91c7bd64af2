package content

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"kbsite/generator/internal/diag"
)

func TestClassify(t *testing.T) {
	for rel, want := range map[string]Kind{
		"a.md": Article, "x/B.Markdown": Article, "x/c.MD": Article,
		"img/p.png": File, "site.yaml": Ignored, "x/site.yaml": File,
		".git/x.md": Ignored, "x/_drafts/y.md": Ignored, "x/.swp.md": Ignored,
		"../a.md": Ignored, "/a.md": Ignored, "": Ignored, "a//b.md": Ignored,
		"includes/x.md": Ignored, "a/Includes/y.md": Ignored, "includes/p.png": File, "a/includes.md": Article,
	} {
		if got := Classify(rel); got != want {
			t.Errorf("Classify(%q) = %d, want %d", rel, got, want)
		}
	}
}

// TestScanAndRead: Scan lists what Classify admits, follows relative links
// to files inside, and reports the others; ReadFile refuses over-size
// files with a position and kind.
func TestScanAndRead(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "content")
	for _, f := range []string{"a.md", "sub/b.markdown", "sub/p.png", "_drafts/c.md", ".git/d.md", "site.yaml", "big.md"} {
		os.MkdirAll(filepath.Dir(filepath.Join(dir, f)), 0o755)
		os.WriteFile(filepath.Join(dir, f), []byte("x"), 0o644)
	}
	os.WriteFile(filepath.Join(dir, "big.md"), make([]byte, 11), 0o644)
	for link, target := range map[string]string{
		"sub/inside.md": "../a.md", "abs.md": filepath.Join(dir, "a.md"),
		"out.md": "/etc/passwd", "dir.md": "sub",
	} {
		if err := os.Symlink(target, filepath.Join(dir, link)); err != nil {
			t.Skip("no symbolic links here:", err)
		}
	}
	dl := &diag.List{}
	articles, files := Scan(dir, dl)
	if want := []string{"a.md", "big.md", "sub/b.markdown", "sub/inside.md"}; !slices.Equal(articles, want) {
		t.Errorf("articles %v, want %v", articles, want)
	}
	if want := []string{"sub/p.png"}; !slices.Equal(files, want) {
		t.Errorf("files %v, want %v", files, want)
	}
	var got []string
	for _, d := range dl.Sorted() {
		got = append(got, strings.TrimPrefix(d.String(), dir+"/")+" ["+d.Kind+"]")
	}
	want := []string{
		"abs.md:1:1: symbolic link points outside the content folder or is absolute; refusing to read it [unsafe-path]",
		"dir.md:1:1: symbolic links to folders are not followed [unsafe-path]",
		"out.md:1:1: symbolic link points outside the content folder or is absolute; refusing to read it [unsafe-path]",
	}
	if !slices.Equal(got, want) {
		t.Errorf("diagnostics\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if data, err := ReadFile(dir, "sub/inside.md", 10); err != nil || string(data) != "x" {
		t.Errorf("link inside: %q %v", data, err)
	}
	_, err := ReadFile(dir, "big.md", 10)
	dl = &diag.List{}
	Report(dl, "big.md", err)
	if d := dl.Sorted(); len(d) != 1 || d[0].Kind != KindSize || d[0].Line != 1 || !strings.Contains(d[0].Msg, "larger than the limit") {
		t.Errorf("over-size file: %v", d)
	}
}

// TestScanYAMLPages: a YamlMime:FAQ file is an article, other YAML pages
// are skipped with one warning each, and YAML without a YamlMime line is
// an ordinary file.
func TestScanYAMLPages(t *testing.T) {
	dir := t.TempDir()
	for name, text := range map[string]string{
		"faq.yml":       "### YamlMime:FAQ\ntitle: Q\n",
		"crlf.yaml":     "\xef\xbb\xbf### YamlMime:FAQ\r\ntitle: Q\r\n",
		"index.yml":     "### YamlMime:Landing\ntitle: L\n",
		"toc.yml":       "- name: A\n  href: a.md\n",
		"includes/i.md": "shared text",
	} {
		os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755)
		os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644)
	}
	dl := &diag.List{}
	articles, files := Scan(dir, dl)
	if want := []string{"crlf.yaml", "faq.yml"}; !slices.Equal(articles, want) {
		t.Errorf("articles %v, want %v", articles, want)
	}
	if want := []string{"toc.yml"}; !slices.Equal(files, want) {
		t.Errorf("files %v, want %v", files, want)
	}
	d := dl.Sorted()
	if len(d) != 1 || d[0].String() != filepath.Join(dir, "index.yml")+":1:1: warning: YamlMime:Landing pages are not built (only YamlMime:FAQ is); skipped" {
		t.Errorf("diagnostics %v", d)
	}
}

// TestFolderReadsLikeReadFile: one Folder reads many files whole, whatever
// their size against its first buffer, refuses what ReadFile refuses, and
// a folder that cannot be opened fails each read with the same error.
func TestFolderReadsLikeReadFile(t *testing.T) {
	dir := t.TempDir()
	long := strings.Repeat("0123456789", 1000)
	os.WriteFile(filepath.Join(dir, "long.md"), []byte(long), 0o644)
	os.WriteFile(filepath.Join(dir, "empty.md"), nil, 0o644)
	os.Symlink(filepath.Join(t.TempDir(), "x.md"), filepath.Join(dir, "out.md"))
	f := OpenFolder(dir)
	defer f.Close()
	for range 2 {
		if data, err := f.ReadFile("long.md", MaxSize); err != nil || string(data) != long {
			t.Fatalf("long file: %d bytes, %v", len(data), err)
		}
		if data, err := f.ReadFile("empty.md", MaxSize); err != nil || len(data) != 0 {
			t.Fatalf("empty file: %q, %v", data, err)
		}
	}
	if _, err := f.ReadFile("long.md", 9999); !errors.Is(err, ErrTooLarge) {
		t.Errorf("over the limit: %v", err)
	}
	if _, err := f.ReadFile("out.md", MaxSize); !errors.Is(err, errOutside) {
		t.Errorf("link out: %v", err)
	}
	missing := OpenFolder(filepath.Join(dir, "missing"))
	defer missing.Close()
	_, err1 := missing.ReadFile("long.md", MaxSize)
	_, err2 := ReadFile(filepath.Join(dir, "missing"), "long.md", MaxSize)
	if err1 == nil || err1.Error() != err2.Error() {
		t.Errorf("missing folder: %v, ReadFile: %v", err1, err2)
	}
}
