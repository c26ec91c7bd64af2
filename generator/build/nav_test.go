package build

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kbsite/generator/kb"
)

// TestTOCNavigation: a toc.yml gives every page its tree, through the
// articles' own output paths; an href naming a missing file is a warning
// located in toc.yml, and a host-relative href becomes an absolute link
// under the link root. Articles in the tree are not orphans.
func TestTOCNavigation(t *testing.T) {
	dir := t.TempDir()
	content := filepath.Join(dir, "content")
	os.MkdirAll(filepath.Join(content, "setup"), 0o755)
	os.WriteFile(filepath.Join(content, "intro.md"), []byte("# Intro\n\nHello.\n"), 0o644)
	os.WriteFile(filepath.Join(content, "setup", "install.md"), []byte("# Install\n\nSee [intro](../intro.md).\n"), 0o644)
	os.WriteFile(filepath.Join(content, "toc.yml"), []byte("- name: Start\n  href: intro.md\n- name: Setup\n  items:\n  - name: Install it\n    href: setup/install.md\n  - name: Missing\n    href: setup/gone.md\n  - name: Terminal\n    href: /windows/terminal\n"), 0o644)
	out := filepath.Join(dir, "public")
	res := buildInto(t, content, out, func(o *Options) { o.LinkRoot = "https://learn.microsoft.com/" })
	want := filepath.Join(content, "toc.yml") + `:7:5: warning: table of contents entry "Missing" links to "setup/gone.md", which is not a page of the site`
	if !strings.Contains(messages(res), want) {
		t.Errorf("diagnostics lack %q:\n%s", want, messages(res))
	}
	if strings.Contains(messages(res), "orphan article") {
		t.Errorf("an article in the tree is not an orphan:\n%s", messages(res))
	}
	var install *kb.Article
	for _, a := range res.Site.Articles {
		if a.Source == "setup/install.md" {
			install = a
		}
	}
	if install == nil {
		t.Fatal("no article for setup/install.md")
	}
	page, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(install.Path)))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{
		`<li><details open><summary>Setup</summary>`,
		`aria-current="page">Install it</a>`,
		`href="https://learn.microsoft.com/windows/terminal" class="external">Terminal</a>`,
		`<li><span>Setup</span></li>`,
		`rel="prev"><span class="prev-next-label">Previous</span> Start</a>`,
	} {
		if !strings.Contains(string(page), s) {
			t.Errorf("%s lacks %s", install.Path, s)
		}
	}
}
