package content

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kbsite/generator/internal/corpusgen"

	"go.yaml.in/yaml/v3"
)

// sameTree reports how the fast path's tree a differs from yaml.v3's b,
// or "" when they agree on everything a reader can see: kinds, styles,
// resolved tags, values, positions, anchors and comments.
func sameTree(a, b *yaml.Node, at string) string {
	switch {
	case a.Kind != b.Kind:
		return fmt.Sprintf("%s: kind %v, yaml.v3 %v", at, a.Kind, b.Kind)
	case a.Style != b.Style:
		return fmt.Sprintf("%s: style %v, yaml.v3 %v", at, a.Style, b.Style)
	case a.ShortTag() != b.ShortTag():
		return fmt.Sprintf("%s: tag %s, yaml.v3 %s", at, a.ShortTag(), b.ShortTag())
	case a.Value != b.Value:
		return fmt.Sprintf("%s: value %q, yaml.v3 %q", at, a.Value, b.Value)
	case a.Line != b.Line || a.Column != b.Column:
		return fmt.Sprintf("%s (%q): at %d:%d, yaml.v3 %d:%d", at, a.Value, a.Line, a.Column, b.Line, b.Column)
	case a.Anchor != b.Anchor || a.HeadComment != b.HeadComment || a.LineComment != b.LineComment || a.FootComment != b.FootComment:
		return fmt.Sprintf("%s: anchor or comments differ", at)
	case len(a.Content) != len(b.Content):
		return fmt.Sprintf("%s: %d children, yaml.v3 %d", at, len(a.Content), len(b.Content))
	}
	for i := range a.Content {
		if d := sameTree(a.Content[i], b.Content[i], fmt.Sprintf("%s/%d", at, i)); d != "" {
			return d
		}
	}
	return ""
}

// checkSimple fails when simpleYAML accepts y and yaml.v3 rejects it or
// makes another tree. It reports whether the fast path took y.
func checkSimple(t *testing.T, y string) bool {
	t.Helper()
	var fast yaml.Node
	if !simpleYAML(y, &fast, new([]yaml.Node)) {
		return false
	}
	var slow yaml.Node
	if err := yaml.Unmarshal([]byte(y), &slow); err != nil {
		t.Errorf("fast path took what yaml.v3 rejects (%v):\n%s", err, y)
		return true
	}
	if d := sameTree(&fast, &slow, "doc"); d != "" {
		t.Errorf("%s in:\n%s", d, y)
	}
	return true
}

// TestSimpleYAMLIsYAML: what the fast path reads, it reads as yaml.v3
// does, and it leaves what it is unsure of to yaml.v3.
func TestSimpleYAMLIsYAML(t *testing.T) {
	fast := []string{
		"id: KB108981\ntitle: How to run the duplicate window\nsummary: Unknown apply monitor.\nproducts: [windows-xp, hotmail]\nkeywords: [thread, shortcut token, check]\naliases: [Q108981]\nrelated: [KB107224]\nupdated: 2003-04-24\n",
		"title: Recommendations for Domain Name System (DNS) client settings\nms.date: 12/04/2023\nms.custom: sap:dns, csstroubleshoot\n",
		"\n\ntitle:   spaced   \n\n",
		"title: 'Quoted: with colon'\nsummary: \"Double # quoted\"\n",
		"draft: true\nlang: de\nid: 123\nx: 1.5\ny: null\nz: x~\n",
		"products:\n  - windows-xp\n  -   hotmail\nkeywords:\n- a b\n- c\ntitle: T\n",
		"keywords: []\naliases: [ ]\nrelated: [ a ,b,  c ]\n",
		"title: Überblick – Kennwort ändern\nkeywords: [Kennwort, Größe, 日本語]\n",
		"title: C# and [brackets] and {braces}, commas\n",
		"title: ends with C#hash\nid: a-b_c.d\n",
		"title: yes\nid: off\ntopic: No\n",
		"title: 0x1F\nid: 1e3\nx: 2003-13-45\ny: 12:30\nz: .inf\nw: ~\n",
		"keywords:\n",
		"keywords:\ntitle: T\nms.reviewer: \n\n",
		"appliesto:\n  - <a href=https://learn.microsoft.com/x target=_blank>Supported versions</a>\n  - (c) $5 = /path\\dir\n",
	}
	for _, y := range fast {
		if !checkSimple(t, y) {
			t.Errorf("fast path left to yaml.v3:\n%s", y)
		}
	}
	slow := []string{
		"# comment\ntitle: T\n",
		"title: T # comment\n",
		"title: a: b\n",
		"title: T\n  continued\n",
		"title: |\n  block\n",
		"title: \"esc\\\"aped\"\n",
		"title: 'it''s'\n",
		"title: &a T\nsummary: *a\n",
		"title: !!str T\n",
		"keywords: [a, [b]]\n",
		"keywords: [a,]\n",
		"keywords: [a: b]\n",
		"keywords: [a, b\n",
		"meta:\n  a: b\n",
		"title:\tT\n",
		"title: T\t\n",
		"title : T\n",
		"- a\n- b\n",
		"title: T\n- a\n",
		"products:\n  - a\n - b\n",
		"products:\n  -\n",
		"title: -T\n",
		"title: 'unclosed\n",
		"title: \u2028x\n",
		"title: \ufeffx\n",
		"",
	}
	for _, y := range slow {
		if checkSimple(t, y) {
			t.Errorf("fast path took what it should leave to yaml.v3:\n%s", y)
		}
	}
}

// TestSimpleYAMLTakesRealFrontMatter: the fast path reads the front
// matter of every generated article and most real ones, as yaml.v3 does.
func TestSimpleYAMLTakesRealFrontMatter(t *testing.T) {
	dir := t.TempDir()
	if _, err := corpusgen.Generate(dir, 300, 3); err != nil {
		t.Fatal(err)
	}
	taken, all := frontMatters(t, dir)
	if taken != all || all < 300 {
		t.Errorf("fast path took %d of %d generated front matters", taken, all)
	}
	for _, name := range []string{"wsl", "kb-support"} {
		corpus := filepath.Join("..", "..", "..", "shared", "corpus", name)
		if _, err := os.Stat(corpus); err != nil {
			t.Logf("corpus %s absent", name)
			continue
		}
		taken, all := frontMatters(t, corpus)
		t.Logf("%s: fast path took %d of %d front matters", name, taken, all)
		if all == 0 || taken*10 < all*9 {
			t.Errorf("%s: fast path took only %d of %d front matters", name, taken, all)
		}
	}
}

// frontMatters checks the front matter of every Markdown file under dir
// against yaml.v3, counting those the fast path took.
func frontMatters(t *testing.T, dir string) (taken, all int) {
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") {
			return err
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		src = Normalize(src)
		if !strings.HasPrefix(string(src), "---\n") {
			return nil
		}
		rest := src[4:]
		end, _ := findClose(rest)
		if end < 0 {
			return nil
		}
		all++
		if checkSimple(t, string(rest[:end])) {
			taken++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return taken, all
}

// FuzzSimpleYAML: whatever the fast path takes, yaml.v3 reads to the same
// tree.
func FuzzSimpleYAML(f *testing.F) {
	for _, s := range []string{
		"id: KB1\ntitle: T\nproducts: [a, b]\n",
		"products:\n  - a\n  - 'b'\n",
		"title: \"x\"\nkeywords: [ä, b c]\n",
		"draft: True\nx: 0o17\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, y string) { checkSimple(t, y) })
}
