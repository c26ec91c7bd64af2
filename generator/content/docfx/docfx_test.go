package docfx

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

var wsl = filepath.Join("..", "..", "..", "..", "shared", "corpus", "wsl")

func corpusFile(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(wsl, name))
	if err != nil {
		if os.Getenv("KBSITE_REQUIRE_CORPUS") != "" {
			t.Fatalf("corpus absent: %v", err)
		}
		t.Skipf("corpus absent: %v", err)
	}
	return data
}

func TestParseTOCNestedAndExternal(t *testing.T) {
	files := map[string]string{
		"toc.yml": `- name: Home
  href: index.md
- name: Guides
  expanded: true
  items:
    - name: Install
      href: guides/install.md#before
    - name: Elsewhere
      href: /windows/terminal
- name: Reference
  href: ref/
  topicHref: ref/index.md
- name: Loop
  href: loop/toc.yml
`,
		"ref/toc.yml":  "- name: API\n  href: api.md\n",
		"loop/toc.yml": "- name: Again\n  href: ../loop/toc.yml\n",
	}
	load := func(rel string) ([]byte, bool) { s, ok := files[rel]; return []byte(s), ok }
	nodes, problems := ParseTOC("toc.yml", []byte(files["toc.yml"]), load)
	if len(nodes) != 4 {
		t.Fatalf("got %d top entries", len(nodes))
	}
	if g := nodes[1]; !g.Expanded || g.Items[0].Href != "guides/install.md#before" || !g.Items[1].External || g.Items[1].Href != "/windows/terminal" {
		t.Errorf("guides: %+v %+v %+v", g, g.Items[0], g.Items[1])
	}
	if r := nodes[2]; r.Href != "ref/index.md" || len(r.Items) != 1 || r.Items[0].Href != "ref/api.md" {
		t.Errorf("nested toc: %+v", r)
	}
	if len(problems) != 1 || !strings.Contains(problems[0].Msg, "includes itself") || problems[0].Line != 1 {
		t.Errorf("problems: %+v", problems)
	}
}

func TestParseTOCBadInput(t *testing.T) {
	for _, src := range []string{"name: [", "just text", "- name: \n  href: a.md\n", "- href: x/\n"} {
		_, problems := ParseTOC("toc.yml", []byte(src), func(string) ([]byte, bool) { return nil, false })
		if len(problems) == 0 {
			t.Errorf("%q: no problem reported", src)
		}
	}
}

func TestWSLTOC(t *testing.T) {
	data := corpusFile(t, "toc.yml")
	nodes, problems := ParseTOC("toc.yml", data, func(rel string) ([]byte, bool) {
		b, err := os.ReadFile(filepath.Join(wsl, filepath.FromSlash(rel)))
		return b, err == nil
	})
	if len(problems) != 0 {
		t.Errorf("problems: %+v", problems)
	}
	count, external := 0, 0
	var walk func([]*TOCNode)
	walk = func(ns []*TOCNode) {
		for _, n := range ns {
			if n.Href != "" {
				count++
				if n.External {
					external++
				} else if _, err := os.Stat(filepath.Join(wsl, filepath.FromSlash(n.Href))); err != nil {
					t.Errorf("%s: href %s names no file", n.Name, n.Href)
				}
			}
			walk(n.Items)
		}
	}
	walk(nodes)
	if count < 30 || external != 2 {
		t.Errorf("got %d pages, %d external", count, external)
	}
}

func TestFAQAnchor(t *testing.T) {
	for in, want := range map[string]string{
		"Can I access the GPU in WSL 2? Are there plans to increase hardware support?":                        "can-i-access-the-gpu-in-wsl-2--are-there-plans-to-increase-hardware-support-",
		"Will I be able to run WSL 2 and other 3rd party virtualization tools such as VMware, or VirtualBox?": "will-i-be-able-to-run-wsl-2-and-other-3rd-party-virtualization-tools-such-as-vmware--or-virtualbox-",
		"  What’s new?\n": "what-s-new-",
	} {
		if got := FAQAnchor(in); got != want {
			t.Errorf("FAQAnchor(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestWSLFAQ: every question of the corpus's faq.yml becomes a heading
// with DocFX's anchor, answers keep their lines, and every anchor the
// corpus's articles link to exists.
func TestWSLFAQ(t *testing.T) {
	data := corpusFile(t, "faq.yml")
	if Mime(data) != "FAQ" {
		t.Fatalf("mime %q", Mime(data))
	}
	pg, problems := ParseFAQ(data)
	if len(problems) != 0 {
		t.Fatalf("problems: %+v", problems)
	}
	if len(pg.FAQ) != 35 || pg.Meta["title"] == "" || pg.Meta["ms.date"] != "07/16/2024" {
		t.Fatalf("got %d questions, meta %v", len(pg.FAQ), pg.Meta)
	}
	body := string(pg.Body)
	src := strings.Split(string(data), "\n")
	lines := strings.Split(body, "\n")
	for i, l := range lines {
		// An answer's text stands on the line it has in the YAML file.
		if strings.HasPrefix(l, "See the [about page]") && !strings.Contains(src[i], "See the [about page]") {
			t.Errorf("answer moved from its line: body line %d is %q in the file", i+1, src[i])
		}
	}
	ids := map[string]bool{}
	for _, qa := range pg.FAQ {
		ids[qa.ID] = true
		if !strings.Contains(body, "### "+qa.Question+" {#"+qa.ID+"}") {
			t.Errorf("no heading for %q", qa.Question)
		}
	}
	links := regexp.MustCompile(`faq\.yml#([^)\s]+)`)
	entries, _ := os.ReadDir(wsl)
	linked := 0
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".md") {
			continue
		}
		md, _ := os.ReadFile(filepath.Join(wsl, e.Name()))
		for _, m := range links.FindAllStringSubmatch(string(md), -1) {
			linked++
			if !ids[m[1]] {
				t.Errorf("%s links to #%s, which the FAQ page does not have", e.Name(), m[1])
			}
		}
	}
	if linked == 0 {
		t.Error("no links into faq.yml found")
	}
}

func TestParseFAQBad(t *testing.T) {
	pg, problems := ParseFAQ([]byte("### YamlMime:FAQ\ntitle: T\nsections:\n  - name: S\n    questions:\n      - question: \"\"\n        answer: x\n"))
	if pg == nil || len(problems) != 1 || problems[0].Line != 6 {
		t.Errorf("got %+v", problems)
	}
	if _, problems := ParseFAQ([]byte("### YamlMime:FAQ\ntitle: [")); len(problems) != 1 {
		t.Errorf("invalid YAML: %+v", problems)
	}
	if Mime([]byte("- name: x\n")) != "" {
		t.Error("a toc is not a page")
	}
}

func TestParseRedirects(t *testing.T) {
	data := []byte(`{"redirections": [
 {"source_path": "WSL/old-install.md", "redirect_url": "/windows/wsl/install", "redirect_document_id": false},
 {"source_path": "other/x.md", "redirect_url": "/y"},
 {"source_path": "WSL/../etc.md", "redirect_url": "/z"},
 {"source_path": "WSL/gone.md"}]}`)
	rs, problems := ParseRedirects(data, "WSL/")
	if len(rs) != 1 || rs[0] != (Redirect{"old-install.md", "/windows/wsl/install"}) || len(problems) != 2 {
		t.Errorf("got %+v %+v", rs, problems)
	}
	if _, problems := ParseRedirects([]byte("{"), ""); len(problems) != 1 {
		t.Errorf("bad JSON: %+v", problems)
	}
}

func TestReadFields(t *testing.T) {
	f, problems := ReadFields(map[string]string{"ms.data": "11/23/2023", "ms.topic": "Troubleshooting", "ms.prod": "windows-server", "ms.subservice": "networking"})
	if len(problems) != 0 || f.Updated.Format("2006-01-02") != "2023-11-23" || f.Topic != "troubleshooting" ||
		strings.Join(f.Products, ",") != "windows-server,windows-server-networking" {
		t.Errorf("got %+v %v", f, problems)
	}
	if _, problems := ReadFields(map[string]string{"ms.date": "soon"}); len(problems) != 1 || !strings.Contains(problems[0], "ms.date") {
		t.Errorf("bad date: %v", problems)
	}
	if got := SplitKeywords([]string{"wsl, linux,bash", "WSL", " "}); strings.Join(got, "|") != "wsl|linux|bash" {
		t.Errorf("keywords %q", got)
	}
	if DisplayName("windows-server-rds") != "Windows Server RDS" {
		t.Errorf("display %q", DisplayName("windows-server-rds"))
	}
	if !KnownKey("ms.prod-support-area-path") || !KnownKey("old_ms.prod") || KnownKey("colour") {
		t.Error("known keys")
	}
}

func TestTopicName(t *testing.T) {
	for in, want := range map[string]string{"troubleshooting": "Troubleshooting", "faq": "FAQ", "how-to": "How-to guide", "release-notes": "Release notes", "article": "", "": ""} {
		if got := TopicName(in); got != want {
			t.Errorf("TopicName(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestTypeName: search names every type, "article" too, which pages leave
// unnamed.
func TestTypeName(t *testing.T) {
	for in, want := range map[string]string{"how-to": "How-to guide", "article": "Article", "": "", "release-notes": "Release notes"} {
		if got := TypeName(in); got != want {
			t.Errorf("TypeName(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestFAQPositions: every marker «n» of an FAQ file, in questions and
// answers of every scalar style, packed or spaced, maps from where it is
// in the page's Markdown body to where it is in the file.
func TestFAQPositions(t *testing.T) {
	src := "### YamlMime:FAQ\ntitle: T\nsummary: |\n  Intro «1».\nsections:\n  - name: Plain «2»\n    questions:\n" +
		"      - question: |\n         Block «3»?\n        answer: |\n          Literal «4».\n\n            indented «5»\n" +
		"      - question: Packed «6»?\n        answer: Packed «7».\n" +
		"      - question: \"Quoted «8»?\"\n        answer: 'Single «9».'\n"
	pg, problems := ParseFAQ([]byte(src))
	if pg == nil || len(problems) != 0 {
		t.Fatalf("problems %+v", problems)
	}
	body := strings.Split(string(pg.Body), "\n")
	for n := 1; n <= 9; n++ {
		marker := "«" + string(rune('0'+n)) + "»"
		wantLine, wantCol := find(strings.Split(src, "\n"), marker)
		line, col := find(body, marker)
		if line == 0 || wantLine == 0 {
			t.Fatalf("%s missing: body line %d, file line %d\n%s", marker, line, wantLine, pg.Body)
		}
		if gl, gc := pg.Position(line, col); gl != wantLine || gc != wantCol {
			t.Errorf("%s: body %d:%d maps to %d:%d, want %d:%d", marker, line, col, gl, gc, wantLine, wantCol)
		}
	}
}

// find returns the line and column (in runes, 1-based) of s in lines.
func find(lines []string, s string) (int, int) {
	for i, l := range lines {
		if j := strings.Index(l, s); j >= 0 {
			return i + 1, utf8.RuneCountInString(l[:j]) + 1
		}
	}
	return 0, 0
}
