package markdown

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

func TestDocFXConstructsLeaveNoLiteralSyntax(t *testing.T) {
	src, err := os.ReadFile("testdata/golden/docfx.md")
	if err != nil {
		t.Fatal(err)
	}
	res := render(t, string(src), Options{})
	html := string(res.HTML)
	for _, bad := range []string{":::", "[!div", "[!VIDEO", "<iframe", "zone-end", "# ["} {
		if strings.Contains(html, bad) {
			t.Errorf("literal %q left in:\n%s", bad, html)
		}
	}
	var got []string
	for _, p := range res.Problems {
		got = append(got, fmt.Sprintf("%d:%d: %s", p.Line, p.Col, p.Msg))
	}
	want := []string{
		"54:1: unsupported DocFX construct :::moniker; it is left out",
		"56:1: :::image without alt-text; screen readers get no description of it",
		"58:88: unsupported DocFX construct :::unknown here; it is left out",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// Images and lightboxes are links to check; tab links are not.
	var dests []string
	for _, l := range res.Links {
		dests = append(dests, l.Dest)
		if strings.HasPrefix(l.Dest, "#tab/") {
			t.Errorf("tab link recorded: %+v", l)
		}
	}
	if !strings.Contains(strings.Join(dests, " "), "media/a_b-big.png media/a_b.png media/icon.svg media/chart.png install.md") {
		t.Errorf("links = %v", dests)
	}
	if len(res.Headings) != 0 {
		t.Errorf("tab headings must not be headings: %+v", res.Headings)
	}
}

func TestUnclosedDocFXBlocksWarn(t *testing.T) {
	res := render(t, "::: zone pivot=\"a\"\n\nA\n\n:::image-end:::\n\n:::image type=\"complex\" source=\"x.png\" alt-text=\"x\":::\n\nLong.\n", Options{})
	var got []string
	for _, p := range res.Problems {
		got = append(got, fmt.Sprintf("%d:%d: %s", p.Line, p.Col, p.Msg))
	}
	want := "10:1: ::: zone without ::: zone-end; it runs to the end of its section\n" +
		"14:1: :::image-end::: without a :::image type=\"complex\" before it; it is left out\n" +
		"16:1: :::image type=\"complex\" without :::image-end:::; the rest of its section is taken as its description"
	if strings.Join(got, "\n") != want {
		t.Errorf("problems:\n%s", strings.Join(got, "\n"))
	}
	if strings.Contains(string(res.HTML), ":::") {
		t.Errorf("literal syntax: %s", res.HTML)
	}
}
