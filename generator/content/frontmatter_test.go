package content

import (
	"fmt"
	"strings"
	"testing"

	"kbsite/generator/internal/diag"
)

func parse(t *testing.T, src string) (Doc, bool, []string) {
	t.Helper()
	dl := &diag.List{}
	doc, ok := Parse("content/x.md", []byte(src), dl)
	var msgs []string
	for _, d := range dl.Sorted() {
		msgs = append(msgs, d.String())
	}
	return doc, ok, msgs
}

func TestFrontMatterFields(t *testing.T) {
	doc, ok, msgs := parse(t, `---
id: KB307294
title: "Common solutions: logon"
summary: Short.
products: [windows-messenger, dotnet-passport]
keywords: sign in
aliases: [Q307294, /kb/307294/]
related:
  - KB310221
updated: 2005-03-10
lang: en
draft: false
---
# Body
`)
	if !ok || len(msgs) != 0 {
		t.Fatalf("ok=%v msgs=%v", ok, msgs)
	}
	m := doc.Meta
	if m.ID != "KB307294" || m.Title != "Common solutions: logon" || m.Summary != "Short." {
		t.Errorf("meta = %+v", m)
	}
	if strings.Join(m.Products, ",") != "windows-messenger,dotnet-passport" || strings.Join(m.Keywords, ",") != "sign in" {
		t.Errorf("lists = %v %v", m.Products, m.Keywords)
	}
	if m.Updated.Format("2006-01-02") != "2005-03-10" || m.Lang != "en" {
		t.Errorf("updated/lang = %v %v", m.Updated, m.Lang)
	}
	if p := m.Pos.Entry("related", 0); p.Line != 9 || p.Col != 5 {
		t.Errorf("related.0 at %+v, want 9:5", p)
	}
	if doc.BodyLine != 14 || string(doc.Body) != "# Body\n" {
		t.Errorf("body line %d %q", doc.BodyLine, doc.Body)
	}
}

// TestFrontMatterErrorsArePositioned: every mistake is one located error.
// A value that cannot be used (a date, a product, draft) keeps the article
// in the build (ok), so that its links and the links to it are still
// checked in the same run; a mistake that leaves no usable article does not.
func TestFrontMatterErrorsArePositioned(t *testing.T) {
	keeps := map[string]bool{"bad date": true, "bad product": true, "draft type": true, "long value": true}
	cases := []struct{ name, src, want string }{
		{"bad yaml", "---\nid: KB1\ntitle: x\nfoo: : bar\n---\n", "content/x.md:4: front matter: mapping values are not allowed"},
		// yaml.v3 numbers its parser's errors from 0, its scanner's from 1.
		{"unclosed list", "---\nid: KB1\ntitle: [unclosed\nsummary: x\n---\n", "content/x.md:3: front matter: did not find expected ',' or ']'"},
		{"bad indent", "---\nid: KB1\nproducts:\n  - a\n b: c\n---\n", "content/x.md:5: front matter: did not find expected key"},
		{"bad date", "---\nid: KB1\ntitle: T\nupdated: yesterday\n---\n", `content/x.md:4:10: updated "yesterday" is not a date`},
		{"bad id", "---\nid: KB 1\ntitle: T\n---\n", `content/x.md:2:5: id "KB 1" may hold only`},
		{"unclosed", "---\nid: KB1\n", `content/x.md:1:1: front matter starts with "---" but has no closing`},
		{"bad product", "---\nid: KB1\ntitle: T\nproducts: [ok, \"!?\"]\n---\n", `content/x.md:4:16: product "!?" has no letters or digits to make its address from`},
		{"list type", "---\nid: KB1\ntitle: T\nkeywords: {a: b}\n---\n", `content/x.md:4:11: keywords must be a list`},
		{"draft type", "---\nid: KB1\ntitle: T\ndraft: maybe\n---\n", `content/x.md:4:8: draft must be true or false`},
		{"binary", "---\nid: K\x00B\n", `content/x.md:2:6: binary file`},
		{"invalid utf8", "---\nid: KB1\ntitle: caf\xe9\n---\n", `content/x.md:3:11: invalid UTF-8`},
		{"duplicate key", "---\nid: KB1\nid: KB2\ntitle: T\n---\n", `content/x.md:3:1: duplicate front matter key "id"`},
		{"unknown lang", "---\nid: KB1\ntitle: T\nlang: zz\n---\n", `content/x.md:4:7: lang "zz" is not a language code such as en, de or pt-br`},
		{"long value", "---\nid: KB1\ntitle: T\nupdated: " + strings.Repeat("9", 5000) + "\n---\n", `content/x.md:4:10: updated "` + strings.Repeat("9", 200) + `…" is not a date`},
		{"over size", "---\nid: KB1\n---\n" + strings.Repeat("line\n", MaxSize/5+1), fmt.Sprintf("content/x.md:%d:%d: file is 16 MiB, larger than the 16 MiB limit", 4+(MaxSize-16)/5, 1+(MaxSize-16)%5)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, ok, msgs := parse(t, c.src)
			if ok != keeps[c.name] {
				t.Errorf("ok = %v, want %v, with %v", ok, keeps[c.name], msgs)
			}
			if len(msgs) == 0 || !strings.HasPrefix(msgs[0], c.want) {
				t.Errorf("messages %q, want prefix %q", msgs, c.want)
			}
		})
	}
}

func TestUnknownKeyIsAWarningWithPosition(t *testing.T) {
	dl := &diag.List{}
	doc, ok := Parse("content/x.md", []byte("---\nid: KB1\ntitle: T\nauthr: me\nauthor: me\n---\n"), dl)
	WarnUnknown(dl, "content/x.md", doc)
	msgs := dl.Sorted()
	if !ok || len(msgs) != 1 || msgs[0].String() != `content/x.md:4:1: warning: unknown front matter key "authr" (ignored)` {
		t.Errorf("ok=%v msgs=%q", ok, msgs)
	}
}

func TestUnknownKeysOfManyFilesAreOneLine(t *testing.T) {
	dl := &diag.List{}
	var u UnknownKeys
	for i, src := range []string{"---\nfoo: 1\nbar: 2\nms.date: 01/02/2024\n---\n", "---\nfoo: 1\n---\n", "---\ntitle: T\n---\n"} {
		doc, _ := Parse(fmt.Sprintf("c/%d.md", i), []byte(src), dl)
		u.Add(doc)
	}
	u.Report(dl, "c")
	msgs := dl.Sorted()
	if len(msgs) != 1 || msgs[0].String() != "c: warning: 2 front matter keys kbsite does not use (ignored): foo (2 files), bar (1 file)" {
		t.Errorf("msgs = %q", msgs)
	}
}

func TestDocFXMetadata(t *testing.T) {
	doc, ok, msgs := parse(t, `---
title: T
description: For search engines.
keywords: wsl, linux , WSL,bash
ms.data: 9/24/2021
ms.topic: troubleshooting
ms.service: windows-client
ms.subservice: networking
ms.author: someone
localization_priority: medium
---
`)
	if !ok || len(msgs) != 0 {
		t.Fatalf("ok=%v msgs=%v", ok, msgs)
	}
	m := doc.Meta
	if m.Summary != "For search engines." || m.SummaryOnPage {
		t.Errorf("summary %q shown %v: a description is not a Summary section", m.Summary, m.SummaryOnPage)
	}
	if got := strings.Join(m.Keywords, "|"); got != "wsl|linux|bash" {
		t.Errorf("keywords %q", got)
	}
	if m.Updated.Format("2006-01-02") != "2021-09-24" || m.Topic != "troubleshooting" {
		t.Errorf("updated %v topic %q", m.Updated, m.Topic)
	}
	if got := strings.Join(m.Products, ","); got != "windows-client,windows-client-networking" {
		t.Errorf("products %q", got)
	}
	if len(doc.Unknown) != 0 {
		t.Errorf("unknown %v", doc.Unknown)
	}
}

func TestOwnKeysWinOverDocFX(t *testing.T) {
	doc, _, msgs := parse(t, "---\ntitle: T\nsummary: Shown.\ndescription: Meta.\nupdated: 2020-01-01\nms.date: 01/02/2024\nproducts: [a]\nms.service: b\n---\n")
	m := doc.Meta
	if len(msgs) != 0 || m.Summary != "Shown." || !m.SummaryOnPage || m.Updated.Year() != 2020 || strings.Join(m.Products, ",") != "a" {
		t.Errorf("meta %+v msgs %v", m, msgs)
	}
}

func TestBadDocFXDateIsALocatedWarning(t *testing.T) {
	doc, ok, msgs := parse(t, "---\ntitle: T\nms.date: someday\n---\n")
	if !ok || !doc.Meta.Updated.IsZero() || len(msgs) != 1 || !strings.HasPrefix(msgs[0], `content/x.md:3:10: warning: ms.date "someday" is not a date`) {
		t.Errorf("ok=%v msgs=%q", ok, msgs)
	}
}

func TestNormalisation(t *testing.T) {
	doc, ok, msgs := parse(t, "\xef\xbb\xbf---\r\nid: KB1\r\ntitle: T\r\n---\r\nLine one\r\nLine two\r")
	if !ok || len(msgs) != 0 {
		t.Fatalf("ok=%v %v", ok, msgs)
	}
	if doc.Meta.ID != "KB1" || string(doc.Body) != "Line one\nLine two\n" {
		t.Errorf("BOM/CRLF not normalised: %+v %q", doc.Meta, doc.Body)
	}
	empty, ok, _ := parse(t, "")
	if !ok || empty.HasFrontMatter {
		t.Errorf("empty file should parse as no front matter")
	}
}

func TestDeriveID(t *testing.T) {
	for in, want := range map[string]string{
		"wsl/install-manual.md": "wsl-install-manual",
		"Tutorials/GUI Apps.md": "tutorials-gui-apps",
		"../x.md":               "x",
		"---.md":                "article",
		"faq.yml":               "faq",
		"windows-client/networking/windows-hello-and-logon-facial-recognition-troubleshooting-guide.md": "windows-client-networking-windows-hello-and-logon-facial-recognition-troubleshooting-guide",
	} {
		if got := DeriveID(in); got != want {
			t.Errorf("DeriveID(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestYAMLFAQPage: an FAQ file is an article whose metadata is front
// matter at its real lines and whose questions are headings on their
// lines, with DocFX's anchors.
func TestYAMLFAQPage(t *testing.T) {
	src := `### YamlMime:FAQ
metadata:
  title: Meta title
  description: About WSL.
  ms.date: 07/16/2024
  ms.topic: faq
  odd_key: x
title: Frequently asked
summary: |
  Intro.
sections:
  - name: General
    questions:
      - question: Can I use GPU? Really?
        answer: |
          Yes, see [setup](setup.md).
`
	dl := &diag.List{}
	doc, ok := Parse("content/faq.yml", []byte(src), dl)
	if !ok || len(dl.Sorted()) != 0 {
		t.Fatalf("ok=%v %v", ok, dl.Sorted())
	}
	m := doc.Meta
	if m.Title != "Frequently asked" || m.Summary != "About WSL." || m.SummaryOnPage || m.Updated.Format("2006-01-02") != "2024-07-16" || m.Topic != "faq" {
		t.Errorf("meta %+v", m)
	}
	if len(doc.Unknown) != 1 || doc.Unknown[0] != "odd_key" || m.Pos.Of("odd_key") != (Pos{7, 3}) {
		t.Errorf("unknown %v at %v", doc.Unknown, m.Pos.Of("odd_key"))
	}
	lines := strings.Split(string(doc.Body), "\n")
	if doc.BodyLine != 1 || lines[13] != "### Can I use GPU? Really? {#can-i-use-gpu--really-}" || !strings.Contains(lines[15], "[setup](setup.md)") {
		t.Errorf("body lines:\n%s", doc.Body)
	}
	if len(m.FAQ) != 1 || m.FAQ[0].ID != "can-i-use-gpu--really-" {
		t.Errorf("FAQ %+v", m.FAQ)
	}
}

func TestBadYAMLPageIsAnError(t *testing.T) {
	dl := &diag.List{}
	if _, ok := Parse("content/faq.yml", []byte("### YamlMime:FAQ\ntitle: [\n"), dl); ok || !dl.HasErrors() {
		t.Errorf("ok=%v %v", ok, dl.Sorted())
	}
}

// TestPositions: a key's position and a list entry's are told apart, a
// second Set replaces the first, and an unknown key has none.
func TestPositions(t *testing.T) {
	var ps Positions
	ps.Set("related", -1, Pos{3, 10})
	ps.Set("related", 0, Pos{4, 5})
	ps.Set("related", 1, Pos{5, 5})
	ps.Set("related", 0, Pos{4, 7})
	if got := ps.Of("related"); got != (Pos{3, 10}) {
		t.Errorf("related at %v", got)
	}
	if got := ps.Entry("related", 0); got != (Pos{4, 7}) {
		t.Errorf("related.0 at %v, want the second Set's 4:7", got)
	}
	if got, ok := ps.Lookup("related", 2); ok || got != (Pos{}) {
		t.Errorf("related.2 at %v %v, want none", got, ok)
	}
	if len(ps) != 3 {
		t.Errorf("%d positions, want 3", len(ps))
	}
}
