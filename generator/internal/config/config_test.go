package config

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"kbsite/generator/internal/diag"
)

func load(t *testing.T, yaml string) (Site, []diag.Diagnostic) {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, FileName), []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
	var dl diag.List
	s := Load(dir, &dl)
	out := dl.Sorted()
	for i := range out {
		out[i].File = filepath.Base(out[i].File)
	}
	return s, out
}

// TestLoadReportsBadValuesAtTheirKey: every mistake is one error at the
// value's line and column that names the key.
func TestLoadReportsBadValuesAtTheirKey(t *testing.T) {
	long := strings.Repeat("x", 5000)
	cases := []struct{ yaml, want string }{
		{"title: T\nrecent_count: many\n", `site.yaml:2:15: recent_count must be a whole number, not "many"`},
		{"products: 3\n", `site.yaml:1:11: products must be a mapping of product slugs to display names, not "3"`},
		{"products:\n  - a\n  - b\n", `site.yaml:2:3: products must be a mapping of product slugs to display names`},
		{"raw_html: maybe\n", `site.yaml:1:11: raw_html must be true or false, not "maybe"`},
		{"derive_ids: [x]\n", `site.yaml:1:13: derive_ids must be true or false`},
		{"title: [a, b]\n", `site.yaml:1:8: title must be text`},
		{"title: A\ntitle: B\n", `site.yaml:2:1: duplicate key "title" in site configuration`},
		// yaml.v3 numbers its parser's errors from 0, its scanner's from 1.
		{"# site\ntitle: [x\nbase_url: y\n", `site.yaml:2: invalid YAML: did not find expected ',' or ']'`},
		{"title: T\nfoo: : bar\n", `site.yaml:2: invalid YAML: mapping values are not allowed in this context`},
		{`base_url: '"https://help.example.com/"'` + "\n", `site.yaml:1:11: base_url "\"https://help.example.com/\"" must not contain spaces, quotes, angle brackets or backslashes`},
		{"base_url: https://help.example.com/a b/\n", `site.yaml:1:11: base_url "https://help.example.com/a b/" must not contain spaces`},
		{"base_url: https://help.example.com/\"onload=x\n", `site.yaml:1:11: base_url "https://help.example.com/\"onload=x" must not contain spaces, quotes`},
		{"base_url: ftp://help.example.com/\n", `site.yaml:1:11: base_url "ftp://help.example.com/" must be an absolute http or https URL`},
		{"base_url: help.example.com\n", `site.yaml:1:11: base_url "help.example.com" must be an absolute http or https URL`},
		{"base_url: https://help.example.com/?v=1\n", `site.yaml:1:11: base_url "https://help.example.com/?v=1" must not have a query (?) or fragment (#)`},
		{"base_url: https://help.example.com/#top\n", `must not have a query (?) or fragment (#)`},
		{"link_root: learn.microsoft.com\n", `site.yaml:1:12: link_root "learn.microsoft.com" must be an absolute http or https URL`},
		{"link_root: https://learn.microsoft.com/\"x\n", `site.yaml:1:12: link_root "https://learn.microsoft.com/\"x" must not contain spaces, quotes`},
		{"title: T\nlanguage: english\n", `site.yaml:2:11: language "english" is not a BCP 47 language tag such as en, de or pt-BR`},
		{"language: en_US\n", `site.yaml:1:11: language "en_US" is not a BCP 47 language tag`},
		{"language: zz\n", `site.yaml:1:11: language "zz" is not a BCP 47 language tag`},
		{"language: " + long + "\n", `site.yaml:1:11: language "` + strings.Repeat("x", 200) + `…" is not a BCP 47 language tag`},
		{"featured: {a: b}\n", `site.yaml:1:11: featured must be a list of article IDs or content paths`},
		{"featured:\n  - [KB1]\n", `site.yaml:2:3: featured must be a list of article IDs or content paths`},
		{strings.Repeat("k", 1000) + ": 1\n", `site.yaml:1:1: warning: unknown key "` + strings.Repeat("k", 200) + `…" in site configuration`},
	}
	for _, c := range cases {
		s, ds := load(t, c.yaml)
		if len(ds) != 1 || !strings.HasPrefix(ds[0].String(), c.want) && !strings.Contains(ds[0].String(), c.want) {
			t.Errorf("%.60q:\n got %v\nwant %s", c.yaml, ds, c.want)
		}
		if s.Language == "" || s.RecentCount <= 0 || strings.ContainsAny(s.BaseURL, " \"?#") {
			t.Errorf("%.60q: unusable config %+v", c.yaml, s)
		}
	}
}

func TestLoadAcceptsGoodValues(t *testing.T) {
	s, ds := load(t, "title: T\nbase_url: https://help.example.com/kb\nlink_root: https://learn.microsoft.com\nlanguage: pt-BR\nrecent_count: 3\nraw_html: true\nproducts:\n  a: A\n")
	if len(ds) != 0 {
		t.Fatalf("problems: %v", ds)
	}
	if s.BaseURL != "https://help.example.com/kb/" || s.LinkRoot != "https://learn.microsoft.com/" || s.Language != "pt-BR" || s.RecentCount != 3 || !s.RawHTML || s.Products["a"] != "A" {
		t.Errorf("config: %+v", s)
	}
}

// TestFeatured: featured keeps each value with its position (only the
// build knows which articles exist), and a single value is a list of one.
func TestFeatured(t *testing.T) {
	s, ds := load(t, "title: T\nfeatured:\n  - KB1\n  - passport/kb2.md\n")
	want := []Ref{{"KB1", 3, 5}, {"passport/kb2.md", 4, 5}}
	if len(ds) != 0 || !slices.Equal(s.Featured, want) {
		t.Errorf("got %+v, %v; want %+v", s.Featured, ds, want)
	}
	if s, ds := load(t, "featured: KB1\n"); len(ds) != 0 || !slices.Equal(s.Featured, []Ref{{"KB1", 1, 11}}) {
		t.Errorf("single value: %+v, %v", s.Featured, ds)
	}
	if s, ds := load(t, "featured:\n"); len(ds) != 0 || s.Featured != nil {
		t.Errorf("empty: %+v, %v", s.Featured, ds)
	}
}

func TestValidateBaseURL(t *testing.T) {
	if err := ValidateBaseURL("https://help.example.com/"); err != nil {
		t.Error(err)
	}
	if err := ValidateBaseURL(`https://help.example.com/"x`); err == nil || !strings.Contains(err.Error(), "quotes") {
		t.Errorf("quote in --base-url: %v", err)
	}
}

func TestSupportURL(t *testing.T) {
	for _, ok := range []string{"https://help.example.com/contact", "mailto:help@example.com"} {
		s, diags := load(t, "title: T\nsupport_url: "+ok+"\n")
		if s.SupportURL != ok || len(diags) != 0 {
			t.Errorf("%s: got %q, %v", ok, s.SupportURL, diags)
		}
	}
	for _, bad := range []string{"javascript:alert(1)", "/contact", "https://"} {
		s, diags := load(t, "title: T\nsupport_url: \""+bad+"\"\n")
		if s.SupportURL != "" || len(diags) != 1 || !strings.HasPrefix(diags[0].String(), `site.yaml:2:14: support_url`) {
			t.Errorf("%s: got %q, %v", bad, s.SupportURL, diags)
		}
	}
}

// TestLoadRefusesSymlinkOut: a site.yaml that links out of the content
// folder is an error, and its values are not used.
func TestLoadRefusesSymlinkOut(t *testing.T) {
	outside := filepath.Join(t.TempDir(), "secret.yaml")
	if err := os.WriteFile(outside, []byte("title: Leaked\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.Symlink(outside, filepath.Join(dir, FileName)); err != nil {
		t.Fatal(err)
	}
	var dl diag.List
	s := Load(dir, &dl)
	if s.Title == "Leaked" || !dl.HasErrors() {
		t.Errorf("site.yaml outside the folder was read: %+v %v", s, dl.Sorted())
	}
}

// TestPageExtras: edit_url, feedback_url and favicon are checked when
// site.yaml is read, and a bad one is an error at its value.
func TestPageExtras(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "images"), 0o755)
	os.WriteFile(filepath.Join(dir, "images", "icon.png"), []byte("\x89PNG"), 0o644)
	os.WriteFile(filepath.Join(dir, "images", "bad.svg"), []byte(`<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>`), 0o644)
	os.WriteFile(filepath.Join(dir, FileName), []byte("edit_url: https://github.com/o/r/edit/main/content/{path}?plain=1\nfeedback_url: mailto:docs@example.com\nfavicon: images/icon.png\n"), 0o644)
	var dl diag.List
	s := Load(dir, &dl)
	if ds := dl.Sorted(); len(ds) != 0 || s.EditURL == "" || s.FeedbackURL != "mailto:docs@example.com" || string(s.FaviconData) != "\x89PNG" {
		t.Errorf("good extras: %v %+v", ds, s)
	}
	for yaml, want := range map[string]string{
		"edit_url: https://github.com/o/r/edit/main/content/\n": `site.yaml:1:11: edit_url "https://github.com/o/r/edit/main/content/" must contain {path}`,
		"edit_url: github.com/o/r/{path}\n":                     `site.yaml:1:11: edit_url "github.com/o/r/{path}" must be an absolute http or https URL`,
		"feedback_url: javascript:alert(1)\n":                   `site.yaml:1:15: feedback_url "javascript:alert(1)" must be an absolute http or https URL, or a mailto: address`,
		"title: T\nfavicon: images/missing.png\n":               `site.yaml:2:10: favicon "images/missing.png" cannot be read`,
		"favicon: ../icon.png\n":                                `site.yaml:1:10: favicon "../icon.png" cannot be read`,
		"favicon: images/icon.gif\n":                            `site.yaml:1:10: favicon "images/icon.gif" must be an .ico, .png or .svg file`,
		"favicon: images/bad.svg\n":                             `site.yaml:1:10: favicon "images/bad.svg" is an SVG that could run script: line 1:`,
	} {
		os.WriteFile(filepath.Join(dir, FileName), []byte(yaml), 0o644)
		var dl diag.List
		s := Load(dir, &dl)
		ds := dl.Sorted()
		if len(ds) != 1 || !strings.HasPrefix(strings.TrimPrefix(ds[0].String(), dir+"/"), want) {
			t.Errorf("%q:\n got %v\nwant %s", yaml, ds, want)
		}
		if s.EditURL != "" || s.FeedbackURL != "" || s.Favicon != "" || s.FaviconData != nil {
			t.Errorf("%q: bad value kept: %+v", yaml, s)
		}
	}
}
