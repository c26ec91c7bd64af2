package build

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRawHTMLAnchorsAreLinkTargets: <a id> and <a name> anchors are kept
// as ids, and links to them, on the same page and from another, resolve
// without a warning; an anchor that would take a layout ID is a located
// warning.
func TestRawHTMLAnchorsAreLinkTargets(t *testing.T) {
	content := filepath.Join(t.TempDir(), "content")
	copyTree(t, "testdata/foreign", content)
	files := map[string]string{
		"docs/licensing.md": "# Licensing\n\n### <a id=rdcb></a>Configure the broker\n\n1. Click **Start**. <a name=\"step1\"></a>\n\n" +
			"Go to [the broker](#rdcb) or [step 1](#step1). <a id=\"top\"></a>\n",
		"docs/links-in.md": "# Links in\n\nSee [the broker](licensing.md#rdcb) and [step 1](licensing.md#step1).\n",
	}
	for name, src := range files {
		if err := os.WriteFile(filepath.Join(content, filepath.FromSlash(name)), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(t.TempDir(), "public")
	res := buildInto(t, content, out, func(o *Options) { o.WarnLinks = true }) // the fixture has a broken link of its own
	msgs := messages(res)
	if res.Failed() || strings.Contains(msgs, "#rdcb") || strings.Contains(msgs, "#step1") {
		t.Fatalf("links to raw HTML anchors must resolve:\n%s", msgs)
	}
	if want := `docs/licensing.md:7:48: warning: raw HTML anchor "top" ignored: the page layout or its scripts use that ID`; !strings.Contains(msgs, want) {
		t.Errorf("want %s in:\n%s", want, msgs)
	}
	tree := readTree(t, out)
	page := string(tree["docs/licensing.html"])
	for _, want := range []string{`<a id="rdcb"></a>Configure the broker`, `<a id="step1"></a>`, `href="#rdcb"`, `href="#step1"`} {
		if !strings.Contains(page, want) {
			t.Errorf("licensing.html lacks %s", want)
		}
	}
	if in := string(tree["docs/links-in.html"]); !strings.Contains(in, `href="licensing.html#rdcb"`) || !strings.Contains(in, `href="licensing.html#step1"`) {
		t.Errorf("cross-page links to anchors not resolved:\n%s", in)
	}
	checkLocalLinks(t, tree)
}
