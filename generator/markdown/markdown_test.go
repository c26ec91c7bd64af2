package markdown

import (
	"strings"
	"testing"
)

func render(t *testing.T, src string, opts Options) *Result {
	t.Helper()
	return New(opts, DefaultLabels()).Render([]byte(src), 10)
}

func TestLinksArePlaceholdersWithPositions(t *testing.T) {
	res := render(t, "Intro.\n\nSee [a](../x/kb1.md#top) and [](kb:KB2) or <https://example.com>.\n", Options{})
	if len(res.Links) != 3 {
		t.Fatalf("links = %+v", res.Links)
	}
	a, b, c := res.Links[0], res.Links[1], res.Links[2]
	if a.Dest != "../x/kb1.md#top" || a.Line != 12 || a.Col != 5 || a.External {
		t.Errorf("first link = %+v, want line 12 col 5", a)
	}
	if !b.Empty || b.Col != 30 {
		t.Errorf("empty link = %+v, want Empty at col 30", b)
	}
	if !c.External {
		t.Errorf("autolink should be external: %+v", c)
	}
	got := AppendFill(nil, res.HTML, func(kind byte, i int) string {
		if kind == 'T' {
			return "TITLE"
		}
		return "URL" + string(rune('0'+i))
	})
	for _, want := range []string{`<a href="URL0">a</a>`, `<a href="URL1">TITLE</a>`, `href="https://example.com"`} {
		if !strings.Contains(string(got), want) {
			t.Errorf("filled HTML lacks %s:\n%s", want, got)
		}
	}
}

func TestUnsafeURLsNeverReachOutput(t *testing.T) {
	for _, raw := range []bool{false, true} {
		res := render(t, "[a](javascript:alert(1)) [b](JaVaScRiPt:x) [c](vbscript:x) [d](data:text/html,x) <javascript:y> ![e](javascript:z)\n", Options{RawHTML: raw})
		html := strings.ToLower(string(res.HTML))
		for _, bad := range []string{"javascript:", "vbscript:", "data:text"} {
			if strings.Contains(html, "href=\""+bad) || strings.Contains(html, "src=\""+bad) {
				t.Errorf("raw=%v: %q reached output: %s", raw, bad, html)
			}
		}
		if len(res.Problems) != 6 {
			t.Errorf("raw=%v: want 6 warnings, got %+v", raw, res.Problems)
		}
	}
}

func TestRawHTMLSwitch(t *testing.T) {
	src := "<div class=\"x\">hi</div>\n\nText <b>bold</b> <span style=\"color:red\">red</span>.\n"
	off := string(render(t, src, Options{}).HTML)
	if !strings.Contains(off, "<div>hi</div>") || !strings.Contains(off, "<b>bold</b> <span>red</span>") {
		t.Errorf("allowed HTML should stay, without attributes: %s", off)
	}
	on := string(render(t, src, Options{RawHTML: true}).HTML)
	if !strings.Contains(on, `<div class="x">`) || !strings.Contains(on, `<span style="color:red">`) {
		t.Errorf("raw HTML should pass when allowed: %s", on)
	}
}

func TestRawHTMLIsSanitisedAsTheBrowserSeesIt(t *testing.T) {
	src := "| a | b |\n|---|---|\n| one<br/>two | <kbd>Ctrl</kbd>+<kbd>C</kbd> |\n\n" +
		"Click <a href=\"javascript:alert(1)\">*here*</a> or <a href=\"https://x.org\" onclick=\"y()\">there</a>.\n\n" +
		"<iframe src=\"https://evil\"></iframe>\n\nA <script>*x*</script> b <b>c</b> <marquee>m</marquee>.\n\n" +
		"Type http://<Server-Name>/crl/ <ul><li>x</li></ul>\n\n" +
		"<details>\n<summary>More</summary>\n\nHidden **text**.\n\n</details>\n"
	res := render(t, src, Options{})
	html := string(res.HTML)
	for _, want := range []string{"<td>one<br/>two</td>", "<td><kbd>Ctrl</kbd>+<kbd>C</kbd></td>",
		"Click <em>here</em> or <a href=\"https://x.org\">there</a>.", "<details>\n<summary>More</summary>",
		"<p>Hidden <strong>text</strong>.</p>\n</details>", "http://&lt;Server-Name&gt;/crl/ <ul><li>x</li></ul>"} {
		if !strings.Contains(html, want) {
			t.Errorf("want %s in:\n%s", want, html)
		}
	}
	// Markdown inside a dropped <script> leaves its block's HTML out.
	for _, bad := range []string{"javascript", "onclick", "iframe", "script", "<b>c</b>", "marquee"} {
		if strings.Contains(html, bad) {
			t.Errorf("%s reached output:\n%s", bad, html)
		}
	}
	if len(res.Problems) != 1 || res.Problems[0].Line != 16 || res.Problems[0].Col != 1 ||
		!strings.Contains(res.Problems[0].Msg, "<iframe>, <marquee>, <script> removed") {
		t.Errorf("want one warning at 16:1 naming the elements: %+v", res.Problems)
	}
}

func TestHeadingIDsStableAndUnique(t *testing.T) {
	res := render(t, "# Title\n\n## Signing in through a LAN\n\n## Signing in through a LAN\n\n### .NET Passport password\n\n## Summary\n\n## Ünïcode Straße\n", Options{})
	var ids []string
	for _, h := range res.Headings {
		ids = append(ids, h.ID)
	}
	want := "signing-in-through-a-lan signing-in-through-a-lan-1 net-passport-password summary-1 ünïcode-straße"
	if strings.Join(ids, " ") != want {
		t.Errorf("ids = %v, want %s", ids, want)
	}
	if res.FirstH1 != "Title" || strings.Contains(string(res.HTML), "<h1") {
		t.Errorf("leading h1 should be taken out: %q %s", res.FirstH1, res.HTML)
	}
}

func TestBackToTopEndsEachSection(t *testing.T) {
	html := string(render(t, "Intro\n\n## One\n\nA\n\n## Two\n\nB\n", Options{}).HTML)
	if n := strings.Count(html, `class="back-to-top"`); n != 2 {
		t.Errorf("want 2 back-to-top links, got %d: %s", n, html)
	}
	if strings.Index(html, "back-to-top") > strings.Index(html, `id="two"`) {
		t.Errorf("section one must end with a back-to-top link before section two: %s", html)
	}
}

func TestSectionsForSearch(t *testing.T) {
	res := render(t, "Lead text.\n\n## Cause\n\nThe \"proxy\" is *wrong*.\n\n```\ncode here\n```\n\n### Detail\n\nMore.\n", Options{})
	if len(res.Sections) != 3 {
		t.Fatalf("sections = %+v", res.Sections)
	}
	if res.Sections[1].ID != "cause" || !strings.Contains(res.Sections[1].Text, `The "proxy" is wrong.`) || !strings.Contains(res.Sections[1].Text, "code here") {
		t.Errorf("cause section = %+v", res.Sections[1])
	}
}

func TestFillIgnoresStrayBytes(t *testing.T) {
	got := AppendFill(nil, []byte("a\x00b\x00L9x\x00c"), func(byte, int) string { return "X" })
	if strings.Contains(string(got), "\x00") {
		t.Errorf("stray NUL left in %q", got)
	}
}

func TestSlug(t *testing.T) {
	for in, want := range map[string]string{
		"Signing in through a firewall or a NAT": "signing-in-through-a-firewall-or-a-nat",
		".NET Passport password":                 "net-passport-password",
		"  --Hello, World!--  ":                  "hello-world",
		"日本語の見出し":                                "日本語の見出し",
	} {
		if got := Slug(in); got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestHeadingIDsFollowGitHub(t *testing.T) {
	src := "## Step 4 - Download the Linux kernel update package\n\n## What's new in WSL 2?\n\n## wsl.conf\n\n" +
		"## C++ & C# `code_span`\n\n## 🎉 Party\n\n## a\n\n## a\n\n## a-1\n\n## Custom {#a-2}\n\n## a\n\n## Ünïcode Straße\n\n##  \n"
	var ids []string
	for _, h := range render(t, src, Options{}).Headings {
		ids = append(ids, h.ID)
	}
	want := "step-4---download-the-linux-kernel-update-package whats-new-in-wsl-2 wslconf c--c-code_span -party " +
		"a a-1 a-1-1 a-2 a-3 ünïcode-straße section"
	if strings.Join(ids, " ") != want {
		t.Errorf("ids =\n%s\nwant\n%s", strings.Join(ids, " "), want)
	}
}

func TestPunctuationStaysAsTypedUnlessTypographer(t *testing.T) {
	src := "Run `x` then wsl --install -d \"Ubuntu\" and it's done...\n"
	plain := string(render(t, src, Options{}).HTML)
	if !strings.Contains(plain, "wsl --install -d &quot;Ubuntu&quot; and it's done...") {
		t.Errorf("punctuation changed: %s", plain)
	}
	smart := string(render(t, src, Options{Typographer: true}).HTML)
	if !strings.Contains(smart, "&ndash;install") || !strings.Contains(smart, "&hellip;") {
		t.Errorf("typographer off: %s", smart)
	}
}
