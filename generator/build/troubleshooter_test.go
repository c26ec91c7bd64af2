package build

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"kbsite/generator/resolve/troubleshooter"
)

// TestTroubleshooterChecksRunInTheBuild: a troubleshooter's graph problems
// are located build errors of kind troubleshooter, a QUESTION outside a
// troubleshooter warns, and ordinary articles are not checked as graphs.
func TestTroubleshooterChecksRunInTheBuild(t *testing.T) {
	content := t.TempDir()
	write := func(name, src string) {
		if err := os.WriteFile(filepath.Join(content, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("site.yaml", "title: T\n")
	write("ts.md", "---\nid: KB1\ntitle: Fix it\ntype: troubleshooter\nproducts: [x]\n---\n## Start\n\n> [!QUESTION] Works?\n> - [Yes](#done)\n> - [No](#gone)\n> - [Maybe](#details)\n\n## Done\n\n> [!RESOLVED]\n\n### Details\n")
	write("plain.md", "---\nid: KB2\ntitle: Plain\nproducts: [x]\n---\n## A\n\n> [!QUESTION] Asked here?\n> - [Yes](#a)\n> - [No](#a)\n\n## Empty step\n\nNo outcome, and no error for it.\n")
	res := buildInto(t, content, "", func(o *Options) { o.CheckOnly = true })
	var got []string
	for _, d := range res.Diagnostics {
		if d.Kind == troubleshooter.Kind {
			got = append(got, d.String())
		}
	}
	want := []string{
		filepath.Join(content, "plain.md") + `:8:3: warning: [!QUESTION] is meant for troubleshooters; add "type: troubleshooter" to the front matter to make the page guide readers step by step`,
		filepath.Join(content, "ts.md") + `:12:5: answer "Maybe" leads to #details, which is not a step of this troubleshooter; answers lead to ## headings`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s\nall:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"), messages(res))
	}
	// The answer that leads nowhere is one broken-link error, not two.
	broken := filepath.Join(content, "ts.md") + `:11:5: broken link "#gone"`
	if msgs := messages(res); strings.Count(msgs, filepath.Join(content, "ts.md")+":11:5:") != 1 || !strings.Contains(msgs, broken) {
		t.Errorf("want one error at ts.md:11:5, a broken link:\n%s", msgs)
	}
}

// TestBundledTroubleshooters: the bundled troubleshooters are pages that
// load the troubleshooter script (and only they do), the home page lists
// them, the articles they guide through link to them, and ESCALATE links
// to the site's support_url.
func TestBundledTroubleshooters(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	res := buildInto(t, filepath.Join(repo, "content"), out)
	if res.Failed() {
		t.Fatal(messages(res))
	}
	tree := readTree(t, out)
	script := regexp.MustCompile(`<script defer src="\.\./assets/troubleshooter\.[0-9a-f]{10}\.js"></script>`)
	for _, p := range []string{"kb/kb950100.html", "kb/kb950101.html"} {
		page := string(tree[p])
		if !script.MatchString(page) || !strings.Contains(page, `<div class="article-body" data-troubleshooter data-ts-i18n="{`) {
			t.Errorf("%s is not set up as a troubleshooter", p)
		}
		if strings.Count(page, `data-decision="question"`) < 6 || !strings.Contains(page, `data-decision="resolved"`) {
			t.Errorf("%s lacks questions or outcomes", p)
		}
		if !strings.Contains(page, `<p class="support-link"><a href="https://support.microsoft.com/contactus/">Contact the support team</a></p>`) {
			t.Errorf("%s: ESCALATE does not link to support_url", p)
		}
		if !strings.Contains(string(tree["index.html"]), `<a href="`+p+`">`) {
			t.Errorf("home page does not list %s", p)
		}
	}
	if script.Match(tree["kb/kb307294.html"]) {
		t.Error("an ordinary article loads the troubleshooter script")
	}
	for p, ts := range map[string]string{"kb/kb307294.html": "kb950100.html", "kb/kb324214.html": "kb950101.html", "kb/kb832155.html": "kb950101.html"} {
		if !strings.Contains(string(tree[p]), `href="`+ts+`"`) {
			t.Errorf("%s does not link to its troubleshooter %s", p, ts)
		}
	}
	if !strings.Contains(string(tree["kb/kb950100.html"]), `<ul class="answers">`+"\n"+`<li><a href="#error-code">Yes, it shows an error code</a></li>`) {
		t.Error("answers are not ordinary links in a list")
	}
}
