package markdown

import (
	"regexp"
	"strings"
	"testing"

	"kbsite/generator/internal/safehtml"
	"kbsite/generator/markdown/anchor"
)

// FuzzRender: rendering any Markdown never panics and, with raw HTML off,
// never yields HTML that can run script, even after links are filled.
func FuzzRender(f *testing.F) {
	for _, s := range []string{
		"# T\n\n## A\n\n[x](javascript:alert(1)) <script>alert(1)</script>\n",
		"> [!NOTE]\n> <img src=x onerror=alert(1)>\n",
		"[a](&#106;avascript:x) [b](java\tscript:x) <vbscript:x> ![c](data:text/html,x)\n",
		"```\"><script>\nx\n```\n",
		"[](kb:KB1#\"><script>) [x][ref]\n\n[ref]: javascript:alert(1)\n",
		"<a href=\"javascript:x\">a</a> <svg onload=x> <iframe src=x>\n",
		"| a | b |\n|---|---|\n| <b onmouseover=x> | [l](vbscript:x) |\n",
		"[^1]\n\n[^1]: <script>\n",
		"Term\n: <img onerror=x>\n",
		"## S {#a} {#b\"><script>}\n\n> [!QUESTION] <img onerror=x> [y](javascript:x)\n> - [A](#a)\n> - <b>\n>   > [!RESOLVED]\n\n> [!ESCALATE]\n",
		":::image type=\"complex\" source=\"javascript:alert(1)\" alt-text=\"x&quot;><script>\" lightbox=\"vbscript:x\":::\n<b onclick=x>d</b>\n:::image-end:::\n",
		"> [!VIDEO javascript:alert(1)]\n\n> [!div class=\"\\\"><script>\"]\n> [x](javascript:y)\n",
		"# [<img src=x onerror=y>](#tab/a)\n\nA\n\n# [B\"><script>](#tab/b+c/d)\n\n---\n\n::: zone pivot=\"\\\"><script>\"\n:::no-loc text=\"<script>\":::\n::: zone-end\n",
		"## Top {#a}\n\n<a id=a></a><a name=\"main\"></a><a id=\"b\" name=\"c\" onclick=x></a><A NAME=KBSearch></A><a id=b>\n\n<div><a name=\"x&quot;y\" id=\"\"></a><a id=tab.1.a></a></div>\n",
	} {
		f.Add(s)
	}
	for _, p := range pathological {
		f.Add(p.src(4096)) // small enough to fuzz fast, deep enough to hit the limits
	}
	r := New(Options{}, DefaultLabels())
	f.Fuzz(func(t *testing.T, src string) {
		if strings.IndexByte(src, 0) >= 0 {
			return // article.Parse rejects NUL bytes before rendering
		}
		res := r.Render([]byte(src), 1)
		html := AppendFill(nil, res.HTML, func(kind byte, i int) string {
			if i < 0 || i >= len(res.Links) {
				t.Fatalf("placeholder %d out of range (%d links)", i, len(res.Links))
			}
			return "page.html"
		})
		if err := safehtml.Check(html, safehtml.Options{}); err != nil {
			t.Fatalf("%v\nin: %q\nout: %s", err, src, html)
		}
		checkAnchorIDs(t, src, html)
		for _, l := range res.Links {
			if l.Line < 0 || l.Col < 0 {
				t.Fatalf("bad position %+v", l)
			}
		}
	})
}

var (
	anchorIDRe = regexp.MustCompile(`<a [^>]*\bid="([^"]*)"`)
	anyIDRe    = regexp.MustCompile(`\bid="([^"]*)"`)
)

// checkAnchorIDs: every <a id> of html is a safe, unreserved ID that no
// other element of the body has.
func checkAnchorIDs(t *testing.T, src string, html []byte) {
	t.Helper()
	ids := map[string]int{}
	for _, m := range anyIDRe.FindAllSubmatch(html, -1) {
		ids[string(m[1])]++
	}
	for _, m := range anchorIDRe.FindAllSubmatch(html, -1) {
		id := string(m[1])
		if !anchor.Safe(id) || reserved(id) || ids[id] != 1 {
			t.Fatalf("anchor id %q (safe %v, reserved %v, %d elements)\nin: %q\nout: %s", id, anchor.Safe(id), reserved(id), ids[id], src, html)
		}
	}
}
