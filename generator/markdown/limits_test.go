package markdown

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// The limits of package bound, as a writer sees them.
const (
	maxNesting      = 32
	longDest        = 512
	maxLongDests    = 32
	maxBracketDepth = 8
	maxDefRun       = 100
	maxEmphasisRuns = 2000
)

// repeatTo repeats unit to about size bytes.
func repeatTo(unit string, size int) string {
	return strings.Repeat(unit, max(1, size/len(unit)))
}

// linesTo joins line(0), line(1), ... until they reach size bytes.
func linesTo(size int, line func(i int) string) string {
	var b strings.Builder
	for i := 0; b.Len() < size; i++ {
		b.WriteString(line(i) + "\n")
	}
	return b.String()
}

// pathological are article bodies of a given size whose shape took the
// renderer time quadratic in it: minutes at 1 MB before bound and the
// position cursor.
var pathological = []struct {
	name string
	src  func(size int) string
}{
	{"links on one line", func(n int) string { return repeatTo("[a](b) ", n) }},
	{"unclosed link destinations", func(n int) string { return repeatTo("[a](", n) }},
	{"unclosed <link destinations", func(n int) string { return repeatTo("[a](<b", n) }},
	{"3000-level list", func(n int) string { return repeatTo(strings.Repeat("- ", 3000)+"x\n", n) }},
	{"indented list", func(n int) string { return linesTo(n, func(i int) string { return strings.Repeat("  ", i) + "- x" }) }},
	{"3000-level blockquote", func(n int) string { return repeatTo(strings.Repeat(">", 3000)+" x\n", n) }},
	{"one-line blockquote", func(n int) string { return repeatTo(">", n) }},
	{"link reference definitions", func(n int) string { return repeatTo("[a]: /x\n", n) }},
	{"empty link reference definitions", func(n int) string { return repeatTo("[a]:\n", n) }},
	{"nested brackets", func(n int) string { return repeatTo("[", 990) + repeatTo("x*", n-2000) + repeatTo("]", 990) }},
	{"mixed emphasis", func(n int) string { return repeatTo("*a_b*c_d**e_f*g**h*i_j**", n) }},
	{"deep emphasis", func(n int) string { return repeatTo("*", n/2) + "a" + repeatTo("*", n/2) }},
	{"long table rows", func(n int) string {
		return repeatTo("| a ", n/3) + "\n" + repeatTo("|---", n/3) + "\n" + repeatTo("| b ", n/3) + "\n"
	}},
	{"many backticks", func(n int) string {
		return linesTo(n, func(i int) string { return strings.Repeat("`", i%500+1) + "a" })
	}},
}

// TestPathologicalArticlesFinish renders each 1 MB shape. The time limit
// is far above what they take (well under a second each) so that a noisy
// machine does not fail it, but far below the minutes a return to
// quadratic time costs.
func TestPathologicalArticlesFinish(t *testing.T) {
	r := New(Options{}, DefaultLabels())
	for _, p := range pathological {
		t.Run(p.name, func(t *testing.T) {
			src := []byte(p.src(1 << 20))
			done := make(chan *Result, 1)
			start := time.Now()
			go func() { done <- r.Render(src, 1) }()
			select {
			case res := <-done:
				t.Logf("%d bytes in %v", len(src), time.Since(start).Round(time.Millisecond))
				for _, pr := range res.Problems {
					if pr.Line < 1 || pr.Col < 1 {
						t.Errorf("unlocated problem %+v", pr)
					}
				}
			case <-time.After(20 * time.Second):
				t.Fatalf("rendering %d bytes did not finish in 20 s", len(src))
			}
		})
	}
}

func BenchmarkPathological(b *testing.B) {
	r := New(Options{}, DefaultLabels())
	for _, p := range pathological {
		src := []byte(p.src(1 << 20))
		b.Run(p.name, func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			for b.Loop() {
				r.Render(src, 1)
			}
		})
	}
}

func TestColumnsOnALongLineCountRunes(t *testing.T) {
	res := render(t, strings.Repeat("é [a](x) ", 5000)+"\n", Options{})
	if len(res.Links) != 5000 {
		t.Fatalf("%d links", len(res.Links))
	}
	for i, l := range res.Links {
		if l.Line != 10 || l.Col != 9*i+3 {
			t.Fatalf("link %d at %d:%d, want 10:%d", i, l.Line, l.Col, 9*i+3)
		}
	}
}

func TestEmptyLinksWithTheSameTargetHaveTheirOwnColumns(t *testing.T) {
	res := render(t, "[](a.md) [](a.md) ![](a.png)\n", Options{})
	var cols []int
	for _, l := range res.Links {
		cols = append(cols, l.Col)
	}
	if fmt.Sprint(cols) != "[1 10 19]" {
		t.Errorf("columns = %v, want [1 10 19]", cols)
	}
}

func TestDeepNestingIsCutWithAWarning(t *testing.T) {
	res := render(t, "Intro.\n\n"+strings.Repeat(">", 40)+" deep [x](y.md)\n", Options{})
	if n := strings.Count(string(res.HTML), "<blockquote>"); n != maxNesting+1 {
		t.Errorf("%d blockquotes, want %d", n, maxNesting+1)
	}
	if len(res.Problems) != 1 || res.Problems[0].Line != 12 || res.Problems[0].Col != maxNesting+1 ||
		!strings.Contains(res.Problems[0].Msg, "nested deeper than 32 levels") {
		t.Errorf("problems = %+v, want one at 12:%d", res.Problems, maxNesting+1)
	}
	// The link keeps its column in the file, after the cut.
	if len(res.Links) != 1 || res.Links[0].Line != 12 || res.Links[0].Col != 47 {
		t.Errorf("links = %+v, want one at 12:47", res.Links)
	}

	list := render(t, linesTo(1, func(int) string { return strings.Repeat("- ", 100) + "x" }), Options{})
	if n := strings.Count(string(list.HTML), "<ul>"); n != maxNesting+1 || len(list.Problems) != 1 {
		t.Errorf("%d lists, problems %+v", n, list.Problems)
	}
	indented := render(t, linesTo(20000, func(i int) string { return strings.Repeat("  ", i) + "- x" }), Options{})
	if n := strings.Count(string(indented.HTML), "<ul>"); n > maxNesting+1 || len(indented.Problems) == 0 {
		t.Errorf("%d lists, problems %d", n, len(indented.Problems))
	}
}

func TestNestingLimitLeavesCodeAndNormalListsAlone(t *testing.T) {
	src := "```\n" + strings.Repeat(">", 40) + "\n```\n\n" +
		"> - a\n>   - b\n>     1. c\n>        > d\n" + strings.Repeat("  ", 20) + "- e\n"
	res := render(t, src, Options{})
	if len(res.Problems) != 0 {
		t.Errorf("problems = %+v", res.Problems)
	}
	if !strings.Contains(string(res.HTML), strings.Repeat("&gt;", 40)) {
		t.Errorf("code changed: %s", res.HTML)
	}
}

func TestLongUnclosedLinkDestinationsBecomeText(t *testing.T) {
	res := render(t, "x\n"+strings.Repeat("[a](", 2000)+"\n", Options{})
	html := string(res.HTML)
	if strings.Count(html, "[a](") != 2000 || strings.Contains(html, "<a ") || strings.Contains(html, `\(`) {
		t.Errorf("want the text as written: %.200s", html)
	}
	// The 33rd "](" is the first to be escaped: offset 4*32+2 on the line.
	if len(res.Problems) != 1 || res.Problems[0].Line != 11 || res.Problems[0].Col != 4*maxLongDests+3 {
		t.Errorf("problems = %+v, want one at 11:%d", res.Problems, 4*maxLongDests+3)
	}

	// Long destinations that close are links, up to the limit per line.
	url := "https://example.com/" + strings.Repeat("p", longDest)
	var b strings.Builder
	for i := 0; i < maxLongDests; i++ {
		fmt.Fprintf(&b, "[l%d](%s) ", i, url)
	}
	ok := render(t, b.String()+"\n", Options{})
	if len(ok.Links) != maxLongDests || len(ok.Problems) != 0 {
		t.Errorf("%d links, problems %+v", len(ok.Links), ok.Problems)
	}
}

func TestLongRunsOfDefinitionsStillDefine(t *testing.T) {
	var b strings.Builder
	for i := range 250 {
		fmt.Fprintf(&b, "[d%d]: k%d.md\n", i, i)
	}
	res := render(t, b.String()+"\n[first][d0] [last][d249]\n", Options{})
	if len(res.Links) != 2 || res.Links[0].Dest != "k0.md" || res.Links[1].Dest != "k249.md" {
		t.Errorf("links = %+v", res.Links)
	}
	if len(res.Problems) != 1 || res.Problems[0].Line != 10+maxDefRun || res.Problems[0].Col != 1 {
		t.Errorf("problems = %+v, want one at %d:1", res.Problems, 10+maxDefRun)
	}
}

func TestDeeplyNestedBracketsAreText(t *testing.T) {
	src := strings.Repeat("[", 12) + "a" + strings.Repeat("]", 12) + " `[[` [x](a.md)\n"
	res := render(t, src, Options{})
	html := string(res.HTML)
	if !strings.Contains(html, strings.Repeat("[", 12)+"a"+strings.Repeat("]", 12)+" <code>[[</code> <a ") || strings.Contains(html, `\`) {
		t.Errorf("want the brackets and code as written, then the link: %s", html)
	}
	if len(res.Problems) != 1 || res.Problems[0].Line != 10 || res.Problems[0].Col != maxBracketDepth+1 {
		t.Errorf("problems = %+v, want one at 10:%d", res.Problems, maxBracketDepth+1)
	}
	if len(res.Links) != 1 || res.Links[0].Col != 32 {
		t.Errorf("links = %+v, want one at col 32", res.Links)
	}

	// Brackets never closed, as in half-open intervals, cost nothing and
	// do not count.
	intervals := render(t, strings.Repeat("[0, 1) ", 40)+"[x](a.md)\n", Options{})
	if len(intervals.Problems) != 0 || len(intervals.Links) != 1 || intervals.Links[0].Col != 281 {
		t.Errorf("problems %+v, links %+v", intervals.Problems, intervals.Links)
	}
}

func TestManyEmphasisDelimitersAreText(t *testing.T) {
	// Code spans do not count: 3000 "_" in code, then 1000 bold words.
	ok := render(t, strings.Repeat("`a_b` ", 3000)+strings.Repeat("**b** ", 1000)+"\n", Options{})
	if len(ok.Problems) != 0 || strings.Count(string(ok.HTML), "<strong>") != 1000 {
		t.Errorf("%d problems, %d <strong>", len(ok.Problems), strings.Count(string(ok.HTML), "<strong>"))
	}
	// Runs past the limit show as written; the paragraph after is untouched.
	src := "x\n" + strings.Repeat("*a* ", maxEmphasisRuns/2) + "**b** _c_\n\n*d*\n"
	res := render(t, src, Options{})
	html := string(res.HTML)
	if strings.Count(html, "<em>a</em>") != maxEmphasisRuns/2 || !strings.Contains(html, "**b** _c_</p>") ||
		!strings.Contains(html, "<em>d</em>") || strings.Contains(html, `\`) {
		t.Errorf("want the later runs as written: %.300s", html[len(html)-300:])
	}
	if len(res.Problems) != 1 || res.Problems[0].Line != 11 || res.Problems[0].Col != 4*maxEmphasisRuns/2+1 ||
		!strings.Contains(res.Problems[0].Msg, "emphasis delimiters") {
		t.Errorf("problems = %+v, want one at 11:%d", res.Problems, 4*maxEmphasisRuns/2+1)
	}
}
