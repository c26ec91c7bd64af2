// Package config reads the optional site configuration file (site.yaml at the
// top of the content folder). Every field has a default so a folder of
// Markdown files alone is a valid site.
package config

import (
	"errors"
	"fmt"
	"golang.org/x/text/language"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"unicode"

	"kbsite/generator/content/docfx"
	"kbsite/generator/internal/diag"
	"kbsite/generator/internal/safesvg"
	"kbsite/generator/internal/yamlpos"

	"go.yaml.in/yaml/v3"
)

// FileName is the name of the configuration file inside the content folder.
const FileName = "site.yaml"

// Site is the site-wide configuration.
type Site struct {
	Title       string `yaml:"title"`
	Description string `yaml:"description"`
	// BaseURL is the absolute URL the site is published at. It is optional:
	// without it the site uses only relative links and emits nothing (sitemap,
	// feed, canonical links) that needs an absolute one.
	BaseURL string `yaml:"base_url"`
	// LinkRoot is the site that host-relative links ("/windows/terminal",
	// DocFX's "~/...") are relative to, such as https://learn.microsoft.com/:
	// they become external links under it. Without it they are errors.
	LinkRoot string `yaml:"link_root"`
	// RawHTML lets raw HTML in Markdown through. Off by default: articles are
	// written by many people and read by the public.
	RawHTML bool `yaml:"raw_html"`
	// Typographer turns straight quotes, "--" and "..." into typographic
	// ones. Off by default: technical readers copy commands from pages.
	Typographer bool `yaml:"typographer"`
	// Products maps product slugs used in front matter to display names.
	Products map[string]string `yaml:"products"`
	// WrittenNames are the display names articles write for products
	// site.yaml does not name (products: [Windows Messenger]), by slug;
	// the build fills them in from the articles.
	WrittenNames map[string]string `yaml:"-"`
	// Language is the default language of articles that do not set lang.
	Language string `yaml:"language"`
	// DeriveIDs gives articles without an id one derived from their path.
	// It is on by default for folders without a site.yaml (foreign content).
	DeriveIDs *bool `yaml:"derive_ids"`
	// RecentCount is how many recently updated articles the home page lists.
	RecentCount int `yaml:"recent_count"`
	// SupportURL is where troubleshooters send readers they cannot help
	// ([!ESCALATE] outcomes link to it): an http(s) or mailto: URL.
	SupportURL string `yaml:"support_url"`
	// EditURL gives article pages an "Edit this page" link: {path} in it
	// is replaced by the article's path in the content folder.
	EditURL string `yaml:"edit_url"`
	// FeedbackURL gives article pages a "Was this page helpful?" control
	// whose answers link to it (an http(s) or mailto: URL).
	FeedbackURL string `yaml:"feedback_url"`
	// Favicon is a file of the content folder (.ico, .png or .svg) every
	// page uses as its icon instead of the theme's; FaviconData holds its
	// bytes, read and checked with site.yaml.
	Favicon     string `yaml:"favicon"`
	FaviconData []byte `yaml:"-"`
	// Featured are the articles the home page features, in order: IDs,
	// aliases or content paths of Markdown files. Only the articles can
	// tell which exist, so each keeps its position for the error.
	Featured []Ref `yaml:"featured"`
}

// Ref is a text value of a site.yaml list with its 1-based position.
type Ref struct {
	Value     string
	Line, Col int
}

// UnmarshalYAML reads a Ref from a scalar; lists of Refs take a single
// value too, like front matter lists.
func (r *Ref) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.ScalarNode {
		return errors.New("not text")
	}
	*r = Ref{Value: strings.TrimSpace(n.Value), Line: n.Line, Col: n.Column}
	return nil
}

// Default returns the configuration used when no site.yaml exists.
func Default() Site {
	return Site{Title: "Knowledge Base", Language: "en", RecentCount: 8}
}

// Load reads dir/site.yaml. A missing file yields the defaults (with ID
// derivation on, since such a folder is foreign content). Problems are
// reported to dl with positions; the returned config is always usable.
func Load(dir string, dl *diag.List) Site {
	s := Default()
	path := filepath.Join(dir, FileName)
	src, err := readInside(dir)
	if errors.Is(err, fs.ErrNotExist) {
		on := true
		s.DeriveIDs = &on
		return s
	}
	if err != nil {
		dl.Addf(diag.Error, diag.KindConfig, path, 0, 0, "cannot read site configuration: %v", err)
		return s
	}
	var root yaml.Node
	if err := yaml.Unmarshal(src, &root); err != nil {
		line, msg := yamlpos.Split(err)
		dl.Addf(diag.Error, diag.KindConfig, path, line, 0, "invalid YAML: %s", msg)
		return s
	}
	if len(root.Content) == 0 {
		return s
	}
	doc := root.Content[0]
	if doc.Kind != yaml.MappingNode {
		dl.Addf(diag.Error, diag.KindConfig, path, doc.Line, doc.Column, "site configuration must be a mapping of keys to values")
		return s
	}
	at := decodeFields(&s, doc, path, dl)
	if s.Language == "" {
		s.Language = "en"
	} else if n := at["language"]; n != nil && !ValidTag(s.Language) {
		dl.Addf(diag.Error, diag.KindConfig, path, n.Line, n.Column, "language %s is not a BCP 47 language tag such as en, de or pt-BR", diag.Quote(s.Language))
		s.Language = "en"
	}
	if s.RecentCount <= 0 {
		s.RecentCount = 8
	}
	if n := at["base_url"]; n != nil && s.BaseURL != "" {
		if p := baseURLProblem(s.BaseURL); p != "" {
			dl.Addf(diag.Error, diag.KindConfig, path, n.Line, n.Column, "base_url %s %s", diag.Quote(s.BaseURL), p)
			s.BaseURL = ""
		}
	}
	s.BaseURL = NormalizeBaseURL(s.BaseURL)
	if n := at["link_root"]; n != nil && s.LinkRoot != "" {
		if p := baseURLProblem(s.LinkRoot); p != "" {
			dl.Errorf(path, n.Line, n.Column, "link_root %s %s", diag.Quote(s.LinkRoot), p)
			s.LinkRoot = ""
		}
	}
	s.LinkRoot = NormalizeBaseURL(s.LinkRoot)
	if n := at["support_url"]; n != nil && s.SupportURL != "" && !supportURLOK(s.SupportURL) {
		dl.Addf(diag.Error, diag.KindConfig, path, n.Line, n.Column, "support_url %s must be an absolute http or https URL, or a mailto: address", diag.Quote(s.SupportURL))
		s.SupportURL = ""
	}
	checkPageExtras(&s, at, dir, dl)
	return s
}

// checkPageExtras checks the settings of the article page's extras:
// edit_url, feedback_url and favicon (whose file it reads). A bad one is
// an error at its value, and left unset.
func checkPageExtras(s *Site, at map[string]*yaml.Node, dir string, dl *diag.List) {
	path := filepath.Join(dir, FileName)
	bad := func(key string, field *string, format string, args ...any) {
		n := at[key]
		dl.Addf(diag.Error, diag.KindConfig, path, n.Line, n.Column, "%s %s "+format, append([]any{key, diag.Quote(*field)}, args...)...)
		*field = ""
	}
	if s.EditURL != "" {
		if !strings.Contains(s.EditURL, "{path}") {
			bad("edit_url", &s.EditURL, "must contain {path}, which stands for the article's path in the content folder")
		} else if u, err := url.Parse(strings.ReplaceAll(s.EditURL, "{path}", "x")); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || strings.ContainsAny(s.EditURL, " \"'<>`\\") {
			bad("edit_url", &s.EditURL, "must be an absolute http or https URL, without spaces or quotes")
		}
	}
	if s.FeedbackURL != "" && !supportURLOK(s.FeedbackURL) {
		bad("feedback_url", &s.FeedbackURL, "must be an absolute http or https URL, or a mailto: address")
	}
	if s.Favicon != "" {
		data, problem := readFavicon(dir, s.Favicon)
		if problem != "" {
			bad("favicon", &s.Favicon, "%s", problem)
		}
		s.FaviconData = data
	}
}

// readFavicon reads the favicon file rel of the content folder dir, or
// says what is wrong with it.
func readFavicon(dir, rel string) ([]byte, string) {
	switch strings.ToLower(filepath.Ext(rel)) {
	case ".ico", ".png", ".svg":
	default:
		return nil, "must be an .ico, .png or .svg file"
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err.Error()
	}
	defer root.Close()
	data, err := root.ReadFile(filepath.FromSlash(strings.TrimPrefix(rel, "./")))
	if err != nil {
		return nil, "cannot be read: it must be a file in the content folder, as a path relative to it"
	}
	if strings.EqualFold(filepath.Ext(rel), ".svg") {
		if p := safesvg.Check(data); p != nil {
			return nil, "is an SVG that could run script: " + p.Error()
		}
	}
	return data, ""
}

// decodeFields decodes the mapping doc into s key by key, so that a value
// of the wrong type is reported at its position with its key, and returns
// the value node of each key it decoded.
func decodeFields(s *Site, doc *yaml.Node, path string, dl *diag.List) map[string]*yaml.Node {
	fields := yamlpos.FieldPtrs(s)
	at := map[string]*yaml.Node{}
	for i := 0; i+1 < len(doc.Content); i += 2 {
		k, v := doc.Content[i], doc.Content[i+1]
		ptr, known := fields[k.Value]
		if _, dup := at[k.Value]; dup {
			dl.Addf(diag.Error, diag.KindConfig, path, k.Line, k.Column, "duplicate key %s in site configuration", diag.Quote(k.Value))
			continue
		}
		if !known {
			dl.Addf(diag.Warning, diag.KindConfig, path, k.Line, k.Column, "unknown key %s in site configuration", diag.Quote(k.Value))
			continue
		}
		if _, refs := ptr.(*[]Ref); refs && v.Kind == yaml.ScalarNode && v.Tag != "!!null" {
			v = &yaml.Node{Kind: yaml.SequenceNode, Content: []*yaml.Node{v}, Line: v.Line, Column: v.Column}
		}
		if err := v.Decode(ptr); err != nil {
			msg := k.Value + " " + expected(ptr)
			if v.Kind == yaml.ScalarNode {
				msg += ", not " + diag.Quote(v.Value)
			}
			dl.Addf(diag.Error, diag.KindConfig, path, v.Line, v.Column, "%s", msg)
			continue
		}
		at[k.Value] = v
	}
	return at
}

// expected says what type of value a field takes.
func expected(ptr any) string {
	switch ptr.(type) {
	case *bool, **bool:
		return "must be true or false"
	case *int:
		return "must be a whole number"
	case *map[string]string:
		return "must be a mapping of product slugs to display names"
	case *[]Ref:
		return "must be a list of article IDs or content paths"
	}
	return "must be text"
}

// baseURLProblem says what is wrong with a base URL, or "" when it is
// usable: an absolute http(s) URL with a host, with nothing that would need
// quoting where it is written into pages, feeds and sitemaps (spaces,
// quotes, angle brackets), and no query or fragment, since page paths are
// appended to it.
func baseURLProblem(raw string) string {
	if strings.IndexFunc(raw, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsControl(r) || strings.ContainsRune("\"'`<>\\", r)
	}) >= 0 {
		return "must not contain spaces, quotes, angle brackets or backslashes"
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "must be an absolute http or https URL"
	}
	if u.RawQuery != "" || u.ForceQuery || u.Fragment != "" || strings.Contains(raw, "#") {
		return "must not have a query (?) or fragment (#)"
	}
	return ""
}

// supportURLOK accepts the URLs a support link may have.
func supportURLOK(raw string) bool {
	u, err := url.Parse(raw)
	if err != nil {
		return false
	}
	switch u.Scheme {
	case "http", "https":
		return u.Host != ""
	case "mailto":
		return u.Opaque != ""
	}
	return false
}

// NormalizeBaseURL makes a base URL end in exactly one slash ("" stays "").
func NormalizeBaseURL(u string) string {
	if u == "" {
		return ""
	}
	return strings.TrimRight(u, "/") + "/"
}

// ProductName returns the display name of a product slug: the one in
// site.yaml, else the one an article wrote, else one made from the slug
// ("windows-server" is "Windows Server"), as foreign content names products
// by slug only.
func (s Site) ProductName(slug string) string {
	if n, ok := s.Products[slug]; ok && n != "" {
		return n
	}
	if n, ok := s.WrittenNames[slug]; ok {
		return n
	}
	return docfx.DisplayName(slug)
}

// ValidateBaseURL checks a base URL given on the command line.
func ValidateBaseURL(raw string) error { return validateURLFlag("--base-url", raw) }

// ValidateLinkRoot checks a link root given on the command line; it obeys
// the rules of a base URL.
func ValidateLinkRoot(raw string) error { return validateURLFlag("--link-root", raw) }

func validateURLFlag(flag, raw string) error {
	if p := baseURLProblem(raw); p != "" {
		return fmt.Errorf("%s %s %s", flag, diag.Quote(raw), p)
	}
	return nil
}

// ValidTag reports whether tag is a well-formed, known BCP 47 language
// tag. x/text also takes "en_US"; BCP 47 separates subtags with "-" only.
func ValidTag(tag string) bool {
	_, err := language.Parse(tag)
	return err == nil && !strings.Contains(tag, "_")
}

// readInside reads dir/site.yaml through an os.Root, as the content stage
// reads every content file: a site.yaml that is a symbolic link leading out
// of the content folder is refused, not followed.
func readInside(dir string) ([]byte, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	defer root.Close()
	return root.ReadFile(FileName)
}
